import { z } from 'zod';
import { registerEntrySchema } from '@/lib/domain/register';
import { AUTHORISATION_STATUSES, CAMERA_REGIMES, CAMERA_ZONES, PUBLISHED_OUTCOMES, REGISTER_ENTRY_KINDS } from '@/lib/domain/vocabulary';

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
        'not_filed: no request filed at the prefecture yet; filed: waiting for the prefect; granted: authorised (until expiresAt); refused; refused_by_silence: no answer more than four months after the prefecture acknowledged receipt, or after filing when no acknowledgement is recorded (CSI R252-15); expired: more than five years after the order (CSI L252-4).',
    }),
    filedAt: day.nullable().meta({ description: 'Day the request was filed at the prefecture.' }),
    grantedAt: day.nullable().meta({ description: "Day of the prefect's order." }),
    refusedAt: day.nullable().meta({ description: "Day of the prefect's explicit refusal." }),
    expiresAt: day.nullable().meta({ description: "Last day the authorisation holds: the prefect's order + 5 years (CSI L252-4); null unless granted." }),
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

const regime = z.enum(CAMERA_REGIMES).meta({
  description:
    "The camera's legal regime: public_road (the commune films the street; prefect's authorisation, CSI L251-2, L252-1); open_to_public (a place anyone may walk into; prefect's authorisation too); private_common_area (a landlord's residents-only common area; the landlord is the controller under the GDPR, its board decides, no prefectoral procedure).",
});

export const publicCameraSchema = z
  .object({
    regime,
    authorised: z.boolean().meta({ description: "Public road or place open to the public: the prefect's authorisation is granted and not expired today. Common area: the landlord's board decision is recorded. Always false when the decision is unfavourable or revoked: a favourable opinion alone is not an authorisation." }),
    inService: z.boolean().meta({ description: 'Commissioned on or before today and not taken down.' }),
    inServiceFrom: day.nullable().meta({ description: 'Day the camera was put in service; null if never.' }),
    decommissionedOn: day.nullable().meta({ description: 'Day the camera was taken down; null while it runs.' }),
  })
  .strict()
  .meta({ id: 'Camera', description: 'One camera of the decision, in file order: never its position or direction.' });

export const publicLandlordDecisionSchema = z
  .object({
    decidedOn: day.nullable().meta({ description: "Day of the landlord's board decision; null while none is recorded." }),
    policeTransmission: z.boolean().meta({ description: 'Images go to the police in real time, under a convention (CSI L272-2).' }),
    conventionSignedOn: day.nullable(),
  })
  .strict()
  .meta({ id: 'LandlordDecision', description: "For a landlord's common-area cameras (no prefectoral procedure)." });

/**
 * A register entry as served: the sealed entry, plus its serve-time follow-up (left out of
 * the hash, see SERVE_TIME_FIELDS).
 */
export const servedDecisionSchema = registerEntrySchema
  .extend({
    authorisation: publicAuthorisationSchema.nullable().meta({ description: "Serve-time, not hashed. Null for an unfavourable decision, a revocation, or cameras that are all in a landlord's common areas." }),
    landlordDecision: publicLandlordDecisionSchema.nullable().meta({ description: "Serve-time, not hashed. Present for a favourable decision with cameras in a landlord's common areas." }),
    cameras: z.array(publicCameraSchema).meta({ description: 'Serve-time, not hashed: the decision’s cameras, their regime and service dates.' }),
    conditionsFollowUp: z.array(conditionFollowUpSchema).meta({ description: 'Serve-time, not hashed: one per condition, in the same order.' }),
  })
  .strict()
  .meta({
    id: 'Decision',
    description: 'A register entry as published (hashed: every field but `hash` and the serve-time fields `authorisation`, `landlordDecision`, `cameras` and `conditionsFollowUp`), with its serve-time follow-up.',
  });
export type ServedDecision = z.infer<typeof servedDecisionSchema>;

export const decisionListSchema = z
  .object({
    licence: licenceSchema,
    items: z.array(servedDecisionSchema).meta({ description: 'Register entries, newest first, each as published (its hash can be rechecked from this JSON, leaving out `hash`, `authorisation`, `landlordDecision`, `cameras` and `conditionsFollowUp`).' }),
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
    current: z.boolean().meta({ description: 'Whether this entry is the current version of its decision (the last of its corrections).' }),
    camerasAuthorised: z.number().int().min(0).meta({ description: "On the current version: the decision's cameras authorised today (see Camera.authorised); 0 on older versions." }),
    camerasInService: z.number().int().min(0).meta({ description: "On the current version: the decision's cameras in service today; 0 on older versions." }),
    url: z.url().meta({ description: 'The entry’s public page.' }),
  })
  .meta({ id: 'SiteEntry' });

export const siteFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.uuid(),
    geometry: z.object({
      type: z.literal('Point'),
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).meta({ description: '[longitude, latitude] (WGS 84) of the site.' }),
    }),
    properties: z.object({
      kind: z.literal('site'),
      name: z.string(),
      address: z.string(),
      landlord: z.string(),
      camerasAuthorised: z.number().int().min(0).meta({ description: "Cameras authorised today: a prefect's authorisation granted and not expired (public road, places open to the public) or the landlord's board decision recorded (common areas). A favourable opinion alone does not count." }),
      camerasInService: z.number().int().min(0).meta({ description: 'Cameras in service today (commissioned, not taken down).' }),
      entries: z.array(siteEntrySchema).meta({ description: 'Every register entry on the site, newest first.' }),
      url: z.url().meta({ description: 'The site’s page in the public register.' }),
      feed: z.url().meta({ description: 'Atom feed of the site’s entries.' }),
    }),
  })
  .meta({ id: 'SiteFeature', description: 'A social-housing site named in the register: no camera tags (see CameraFeature).' });
export type SiteFeature = z.infer<typeof siteFeatureSchema>;

/** A camera in service, as OpenStreetMap would tag it: only points that are cameras carry man_made=surveillance. */
export const cameraFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().meta({ description: '<decision reference>-<camera number>, stable.' }),
    geometry: z.object({
      type: z.literal('Point'),
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).meta({
        description: "[longitude, latitude]: the site's point, or the camera's own rounded to 4 decimals (about 10 m), as the committee chose; never its direction.",
      }),
    }),
    properties: z.object({
      kind: z.literal('camera'),
      man_made: z.literal('surveillance'),
      surveillance: z.enum(['public', 'outdoor', 'indoor']).meta({ description: 'OSM: public for the public road; outdoor or indoor for a non-public area, by where the camera stands.' }),
      'surveillance:type': z.literal('camera'),
      'surveillance:zone': z.enum(CAMERA_ZONES).meta({ description: 'OSM: what it watches (town: the street; entrance; parking; building: inside).' }),
      operator: z.string().meta({ description: 'OSM: the controller, the city or the landlord.' }),
      regime,
      authorised: z.boolean(),
      inServiceFrom: day,
      decision: z.string().meta({ description: 'Reference of the register entry that covers it (its current version).' }),
      site: z.uuid(),
      url: z.url(),
    }),
  })
  .meta({ id: 'CameraFeature' });
export type CameraFeature = z.infer<typeof cameraFeatureSchema>;

export const siteCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    licence: licenceSchema,
    features: z.array(z.union([siteFeatureSchema, cameraFeatureSchema])),
  })
  .meta({ id: 'SiteCollection', description: 'RFC 7946 GeoJSON: one Point per site named in the register (`kind: site`), then one per camera in service (`kind: camera`, tagged as OpenStreetMap does); `licence` is a foreign member.' });
export type SiteCollection = z.infer<typeof siteCollectionSchema>;
