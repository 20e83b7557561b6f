import { z } from 'zod';
import { registerEntrySchema } from '@/lib/domain/register';
import { AUTHORISATION_STATUSES, PUBLISHED_OUTCOMES, REGISTER_ENTRY_KINDS } from '@/lib/domain/vocabulary';

/**
 * The shapes of the open data's answers, as zod schemas: the route handlers build their
 * bodies with these types, the tests parse real answers with them, and the OpenAPI
 * document (lib/open-data/openapi.ts) is generated from them. One definition, so the
 * documentation cannot drift from what is served.
 */

export const licenceSchema = z
  .object({
    name: z.string(),
    id: z.string().meta({ description: 'SPDX identifier of the licence.' }),
    url: z.url(),
    producer: z.string().meta({ description: 'Whom to name as the source when reusing the data.' }),
  })
  .meta({ id: 'Licence', description: 'Licence Ouverte / Open Licence 2.0 (Etalab): free reuse, naming the source and the date of the last update.' });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date' });

/** The prefect's authorisation of a favourable decision, on the day it is served. */
export const publicAuthorisationSchema = z
  .object({
    status: z.enum(AUTHORISATION_STATUSES).meta({
      description:
        'not_filed: no request filed at the prefecture yet; filed: waiting for the prefect; granted: authorised (until expiresAt); refused; refused_by_silence: no answer more than four months after filing (CSI R252-15); expired: more than five years after the grant (CSI L252-4).',
    }),
    filedAt: day.nullable().meta({ description: 'Day the request was filed at the prefecture.' }),
    grantedAt: day.nullable().meta({ description: "Day of the prefect's order." }),
    refusedAt: day.nullable().meta({ description: "Day of the prefect's explicit refusal." }),
    expiresAt: day.nullable().meta({ description: 'Last day the authorisation holds (grant + 5 years).' }),
    refusedBySilenceFrom: day.nullable().meta({ description: 'While no decision is recorded: the first day the silence is a refusal.' }),
    reference: z.string().nullable().meta({ description: "The prefect's order reference, once granted." }),
  })
  .strict()
  .meta({ id: 'Authorisation', description: 'Derived from recorded dates on the day of the answer, never typed; not part of the sealed entry.' });

export const conditionFollowUpSchema = z
  .object({
    state: z.enum(['pending', 'met', 'not_met']).meta({ description: 'pending: not checked yet; met / not_met: as last checked by the city.' }),
    overdue: z.boolean().meta({ description: 'Its due date has passed and it is not met.' }),
    checkedOn: day.nullable(),
  })
  .strict()
  .meta({ id: 'ConditionFollowUp' });

/**
 * A register entry as served: the sealed entry, plus its serve-time follow-up (left out of
 * the hash, see SERVE_TIME_FIELDS).
 */
export const servedDecisionSchema = registerEntrySchema
  .extend({
    authorisation: publicAuthorisationSchema.nullable().meta({ description: 'Serve-time, not hashed. Null for an unfavourable decision or a revocation.' }),
    conditionsFollowUp: z.array(conditionFollowUpSchema).meta({ description: 'Serve-time, not hashed: one per condition, in the same order.' }),
  })
  .strict()
  .meta({
    id: 'Decision',
    description: 'A register entry as published (hashed: every field but `hash`, `authorisation` and `conditionsFollowUp`), with its serve-time follow-up.',
  });
export type ServedDecision = z.infer<typeof servedDecisionSchema>;

export const decisionListSchema = z
  .object({
    licence: licenceSchema,
    items: z.array(servedDecisionSchema).meta({ description: 'Register entries, newest first, each as published (its hash can be rechecked from this JSON, leaving out `hash`, `authorisation` and `conditionsFollowUp`).' }),
    nextCursor: z.number().int().min(1).nullable().meta({ description: 'Pass as `cursor` to get the next (older) page; null on the last page.' }),
    links: z.object({ next: z.url().nullable().meta({ description: 'The next page, with the same filters; null on the last page.' }) }),
  })
  .meta({ id: 'DecisionList' });
export type DecisionList = z.infer<typeof decisionListSchema>;

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'A stable code, e.g. `invalid:query` or `not_found`.' }),
      message: z.string().meta({ description: 'Translated (French by default; `vigie_locale` cookie or Accept-Language).' }),
      fieldErrors: z.record(z.string(), z.string()).meta({ description: 'Parameter name → what is wrong with it.' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorSchema>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const chainVerdictSchema = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      length: z.number().int().min(0).meta({ description: 'Number of entries checked: the whole register.' }),
      head: hex64.meta({ description: 'Hash of the last entry (64 zeros for an empty register). Keep it: a rewritten history would change it.' }),
    }),
    z.object({
      ok: z.literal(false),
      length: z.number().int().min(0).meta({ description: 'Length of the valid prefix of the chain.' }),
      firstInvalidSequence: z.number().int().min(1),
      reason: z.enum(['sequence', 'previous_hash', 'hash']).meta({ description: 'sequence: a gap or disorder; previous_hash: the link to the entry before is broken; hash: the entry’s content no longer matches its hash.' }),
    }),
  ])
  .meta({ id: 'ChainVerdict', description: 'The whole register rechecked now, entry by entry.' });
export type ChainVerdictBody = z.infer<typeof chainVerdictSchema>;

/** One register entry as the map lists it under its site. */
export const siteEntrySchema = z
  .object({
    reference: z.string(),
    kind: z.enum(REGISTER_ENTRY_KINDS),
    corrects: z.string().nullable(),
    outcome: z.enum(PUBLISHED_OUTCOMES),
    decidedAt: z.string().meta({ format: 'date' }),
    publishedAt: z.iso.datetime(),
    cameraCount: z.number().int().min(0),
    expiresAt: z.string().meta({ format: 'date' }).nullable(),
    inForce: z.boolean().meta({ description: 'Whether this entry is the current version of a favourable decision that is neither revoked nor expired.' }),
    url: z.url().meta({ description: 'The entry’s public page.' }),
  })
  .meta({ id: 'SiteEntry' });

export const siteFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.uuid(),
    geometry: z.object({
      type: z.literal('Point'),
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).meta({ description: '[longitude, latitude] (WGS 84) of the site, never of a camera.' }),
    }),
    properties: z.object({
      name: z.string(),
      address: z.string(),
      landlord: z.string(),
      camerasAuthorised: z.number().int().min(0).meta({ description: 'Cameras covered by favourable decisions in force (not revoked, not expired). An opinion in force is not proof of installation.' }),
      man_made: z.literal('surveillance').optional().meta({ description: 'OpenStreetMap tag, present only when cameras are authorised.' }),
      surveillance: z.literal('public').optional(),
      'surveillance:type': z.literal('camera').optional(),
      entries: z.array(siteEntrySchema).meta({ description: 'Every register entry on the site, newest first.' }),
      url: z.url().meta({ description: 'The site’s page in the public register.' }),
      feed: z.url().meta({ description: 'Atom feed of the site’s entries.' }),
    }),
  })
  .meta({ id: 'SiteFeature' });
export type SiteFeature = z.infer<typeof siteFeatureSchema>;

export const siteCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    licence: licenceSchema,
    features: z.array(siteFeatureSchema),
  })
  .meta({ id: 'SiteCollection', description: 'RFC 7946 GeoJSON: one Point per site named in the register; `licence` is a foreign member.' });
export type SiteCollection = z.infer<typeof siteCollectionSchema>;
