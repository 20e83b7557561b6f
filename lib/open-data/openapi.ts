import { z } from 'zod';
import { REGISTER_API_MAX_LIMIT, registerFiltersSchema } from '@/lib/validation/register';
import { LICENCE } from './licence';
import {
  cameraFeatureSchema,
  chainVerdictSchema,
  conditionFollowUpSchema,
  decisionListSchema,
  errorSchema,
  licenceSchema,
  publicAuthorisationSchema,
  publicCameraSchema,
  publicLandlordDecisionSchema,
  servedDecisionSchema,
  siteCollectionSchema,
  siteEntrySchema,
  siteFeatureSchema,
} from './schemas';

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the routes
 * answer with (zod 4's JSON Schema, draft 2020-12, which is OpenAPI 3.1's dialect).
 */

/** The schemas published under components.schemas, by the id their `.meta()` gives them. */
const COMPONENTS = {
  Decision: servedDecisionSchema,
  Authorisation: publicAuthorisationSchema,
  LandlordDecision: publicLandlordDecisionSchema,
  Camera: publicCameraSchema,
  ConditionFollowUp: conditionFollowUpSchema,
  DecisionList: decisionListSchema,
  Licence: licenceSchema,
  Error: errorSchema,
  ChainVerdict: chainVerdictSchema,
  SiteEntry: siteEntrySchema,
  SiteFeature: siteFeatureSchema,
  CameraFeature: cameraFeatureSchema,
  SiteCollection: siteCollectionSchema,
};

type JsonSchema = Record<string, unknown>;

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  // Each is a schema object of the document, not a resource of its own: no $id or $schema.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema]));
}

const FILTER_DESCRIPTIONS: Record<'q' | 'site' | 'outcome' | 'year' | 'landlord', string> = {
  q: 'Words to find (French, accents and plurals folded) in the site, address, landlord, reasons, summaries and conditions; at most 200 characters.',
  site: 'Only the entries on this site (its id).',
  outcome: 'Only the entries with this outcome.',
  year: 'Only the decisions taken this year.',
  landlord: 'Only the sites of this social landlord (exact name).',
};

function queryParameter(name: keyof typeof registerFiltersSchema.shape, description: string) {
  const { $schema: _schema, ...schema } = z.toJSONSchema(registerFiltersSchema.shape[name], { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return { name, in: 'query', required: false, description, schema };
}

const filterParameters = () => (Object.keys(FILTER_DESCRIPTIONS) as (keyof typeof FILTER_DESCRIPTIONS)[]).map((name) => queryParameter(name, FILTER_DESCRIPTIONS[name]));

const ref = (id: keyof typeof COMPONENTS) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: keyof typeof COMPONENTS, type = 'application/json') => ({ content: { [type]: { schema: ref(id) } } });
const text = (type: string) => ({ content: { [type]: { schema: { type: 'string' } } } });
const validated = { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/Cache-Control' }, Link: { $ref: '#/components/headers/Link' } };
const ok = (description: string, body: object) => ({ description, headers: validated, ...body });
const notModified = { description: 'Not modified: the copy named in If-None-Match is current.' };
const badQuery = { description: 'A parameter is malformed; each one is named in `fieldErrors`.', ...json('Error') };
const notFound = (description: string) => ({ description, ...json('Error') });

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigie – registre public des avis du comité d’éthique de la vidéoprotection',
      version: '1.0.0',
      description:
        'The public register of the video-surveillance ethics committee: every published opinion, correction and revocation, in JSON, CSV, GeoJSON and Atom, and a check of its hash chain. Each entry’s `hash` is the SHA-256 (lowercase hex) of the RFC 8785 (JCS) canonical JSON of the entry as served, without its `hash` field and its serve-time `authorisation` and `conditionsFollowUp` (derived on the day of the answer, never sealed); `previousHash` is the hash of the entry before it (64 zeros for the first). Open to every origin (CORS), no key needed.',
      license: { name: LICENCE.name, identifier: LICENCE.id },
    },
    servers: [{ url: origin }],
    paths: {
      '/api/v1/decisions': {
        get: {
          operationId: 'listDecisions',
          summary: 'Register entries, newest first, one keyset page at a time',
          parameters: [
            ...filterParameters(),
            queryParameter('cursor', 'The `nextCursor` of the previous page.'),
            queryParameter('limit', `Entries per page: 1 to ${REGISTER_API_MAX_LIMIT}, 100 when not given.`),
          ],
          responses: { '200': ok('One page of entries.', json('DecisionList')), '304': notModified, '400': badQuery },
        },
      },
      '/api/v1/decisions/{reference}': {
        get: {
          operationId: 'getDecision',
          summary: 'One register entry as published, with its authorisation and conditions’ follow-up of the day',
          description: 'A later correction or revocation is named in a `Link: <…>; rel="successor-version"` header, the entry it corrects in `rel="predecessor-version"` (RFC 5829). `authorisation` and `conditionsFollowUp` are computed on the day of the answer and are not part of the hashed entry.',
          parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string', pattern: '^CE-\\d{4}-\\d{3,}$' }, example: 'CE-2026-001' }],
          responses: { '200': ok('The entry.', json('Decision')), '304': notModified, '404': notFound('No entry has this reference.') },
        },
      },
      '/api/v1/decisions.csv': {
        get: {
          operationId: 'exportDecisionsCsv',
          summary: 'The whole register (or its filtered part) as CSV, in register order',
          description:
            'RFC 4180, UTF-8 with a byte order mark (for spreadsheets), CRLF line ends. The JSON fields flattened: `site.name` → `site_name`, `votes.for` → `votes_for`; lists joined with " | "; conditions as "kind: text (due date)"; booleans true/false; null as an empty cell. A text cell starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe so that no spreadsheet runs it as a formula (recheck hashes on the JSON, not on the CSV). The licence is in the `Link` header.',
          parameters: filterParameters(),
          responses: { '200': ok('The CSV file (sent as an attachment, streamed).', text('text/csv')), '304': notModified, '400': badQuery },
        },
      },
      '/api/v1/decisions.geojson': {
        get: {
          operationId: 'decisionsGeoJson',
          summary: 'The sites named in the register, one Point each, with their entries',
          responses: { '200': ok('An RFC 7946 FeatureCollection.', json('SiteCollection', 'application/geo+json')), '304': notModified },
        },
      },
      '/api/v1/decisions.atom': {
        get: {
          operationId: 'decisionsAtom',
          summary: 'Atom feed of the 50 latest register entries',
          responses: { '200': ok('An Atom 1.0 feed; its <rights> states the licence.', text('application/atom+xml')), '304': notModified },
        },
      },
      '/api/v1/sites/{id}/decisions.atom': {
        get: {
          operationId: 'siteDecisionsAtom',
          summary: 'Atom feed of one site’s register entries',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': ok('An Atom 1.0 feed.', text('application/atom+xml')), '304': notModified, '404': notFound('The register holds nothing on this site.') },
        },
      },
      '/api/v1/register/verify': {
        get: {
          operationId: 'verifyRegister',
          summary: 'Recompute the whole hash chain now',
          description: 'Always 200: the body is a report. Never cached (a change that keeps the register’s length must show at once).',
          responses: { '200': { description: 'The verdict.', ...json('ChainVerdict') } },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      headers: {
        ETag: { description: 'Validator: send it back in If-None-Match to get a 304 when nothing changed.', schema: { type: 'string' } },
        'Cache-Control': { description: '`public, max-age=0, must-revalidate`: keep a copy, revalidate before each use.', schema: { type: 'string' } },
        Link: { description: `\`<${LICENCE.url}>; rel="license"\`: the licence (${LICENCE.name}).`, schema: { type: 'string' } },
      },
    },
  };
}
