import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { PURPOSE_CODES } from './legal';
import { CONDITION_KINDS, DIAGNOSTIC_CONCLUSIONS, PUBLISHED_OUTCOMES, REGISTER_ENTRY_KINDS } from './vocabulary';

/**
 * The public register of decisions: what it holds, how an entry is named and chained.
 *
 * The rule anyone can recheck: `hash` is the SHA-256 (lowercase hex) of the RFC 8785
 * canonical JSON (JCS) of the entry exactly as `/api/v1/decisions` serves it, minus its
 * `hash` field and the serve-time fields (`SERVE_TIME_FIELDS`: the prefect's authorisation,
 * the cameras' service dates and the conditions' follow-up, which change after publication
 * and are never sealed);
 * `previousHash` is the hash of the entry before it, 64 zeros for the first. Changing any
 * published word breaks that entry's hash and every link after it.
 */

/**
 * What `/api/v1/decisions` serves beside each sealed entry, computed on the day it is
 * served from what the city recorded after the vote: left out of the hash. Validity dates
 * live here, in `authorisation`, never in the sealed entry: the five years run from the
 * prefect's order (CSI L252-4), which comes after publication, and not from the vote.
 */
export const SERVE_TIME_FIELDS = ['authorisation', 'landlordDecision', 'cameras', 'conditionsFollowUp'] as const;

export const GENESIS_HASH = '0'.repeat(64);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date' });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

/**
 * One entry as served by the open data (and hashed). Its fields are DOMAIN.md rule 7's
 * public content and nothing else: no individual vote, no deliberation, no camera
 * direction, no detailed diagnostic, no staff name.
 */
export const registerEntrySchema = z
  .object({
    reference: z.string().regex(/^CE-\d{4}-\d{3,}$/).meta({ description: 'Stable public reference, CE-<year of publication>-<number in that year>.', example: 'CE-2026-014' }),
    sequence: z.number().int().min(1).meta({ description: 'Position in the register: 1, 2, 3… without gaps.' }),
    kind: z.enum(REGISTER_ENTRY_KINDS).meta({ description: 'decision: a published decision; correction: replaces the content of the entry it corrects; revocation: the decision it names no longer holds; decommissioning: cameras taken out of service, replaces the content of the entry it names with the camera counts reduced to the cameras still in service.' }),
    corrects: z.string().nullable().meta({ description: 'Reference of the entry this one corrects, revokes or amends (decommissioning); null for a decision.' }),
    note: z.string().nullable().meta({ description: 'Why the correction, revocation or decommissioning was made; null for a decision.' }),
    decommissionedOn: isoDate
      .optional()
      .meta({ description: 'Decommissioning entries only: the day the camera was taken out of service (Europe/Paris), which may come before the entry is published (publishedAt). Absent from other entries.' }),
    publishedAt: z.iso.datetime().meta({ description: 'When the entry was added to the register (UTC).' }),
    decidedAt: isoDate.meta({ description: "Date of the committee's vote (Europe/Paris)." }),
    site: z
      .object({
        id: z.uuid(),
        name: z.string(),
        address: z.string(),
        landlord: z.string().meta({ description: 'The social landlord (bailleur social).' }),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      })
      .meta({ description: 'The social-housing site (site-level point, never a camera position).' }),
    cameraCount: count,
    purposes: z.array(z.enum(PURPOSE_CODES as [string, ...string[]])).meta({ description: "Purposes: from the closed list of CSI art. L251-2 for the public road and places open to the public (open_place_safety: the article's clause on places open to the public); common_area_protection for a landlord's common areas (GDPR art. 6.1.f)." }),
    retentionDays: z.number().int().min(1).max(30),
    privacyMasking: z.boolean().meta({ description: 'Whether privacy masking is planned on at least one camera.' }),
    maskedCameraCount: count,
    investmentEuros: count.nullable(),
    yearlyCostEuros: count.nullable(),
    diagnosticConclusion: z.enum(DIAGNOSTIC_CONCLUSIONS),
    diagnosticSummary: z.string().meta({ description: "The preliminary diagnostic's public summary." }),
    outcome: z.enum(PUBLISHED_OUTCOMES),
    conditions: z.array(z.object({ kind: z.enum(CONDITION_KINDS), text: z.string(), dueDate: isoDate.nullable() })),
    reasons: z.string(),
    publicSummary: z.string(),
    votes: z.object({ for: count, against: count, abstain: count, recused: count }),
    previousHash: hex64,
    hash: hex64,
  })
  .strict()
  .meta({ id: 'Decision' });

export type RegisterEntry = z.infer<typeof registerEntrySchema>;
/** What is hashed: the entry without its own hash. */
export type UnsealedEntry = Omit<RegisterEntry, 'hash'>;

/** SHA-256 hex of the JCS form of `entry` (its `hash` and serve-time fields, if any, left out). */
export function entryHash(entry: UnsealedEntry | RegisterEntry): string {
  const { hash: _hash, ...rest } = entry as RegisterEntry;
  // An entry as served (with its serve-time fields) hashes as the sealed one.
  const unsealed: Record<string, unknown> = { ...rest };
  for (const field of SERVE_TIME_FIELDS) delete unsealed[field];
  const canonical = canonicalize(unsealed);
  if (canonical === undefined) throw new Error('entry cannot be canonicalised');
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

export function seal(entry: UnsealedEntry): RegisterEntry {
  return { ...entry, hash: entryHash(entry) };
}

export type ChainVerdict = { ok: true; length: number; head: string } | { ok: false; length: number; firstInvalidSequence: number; reason: 'sequence' | 'previous_hash' | 'hash' };

/**
 * Checks entries one by one in register order, so a whole register can be verified in
 * batches without holding it in memory.
 */
export class ChainVerifier {
  private length = 0;
  private head = GENESIS_HASH;
  private failure: ChainVerdict | null = null;

  /** False once an entry fails (the rest is not looked at). */
  push(entry: RegisterEntry): boolean {
    if (this.failure) return false;
    const expected = this.length + 1;
    const fail = (reason: 'sequence' | 'previous_hash' | 'hash') => {
      this.failure = { ok: false, length: this.length, firstInvalidSequence: expected, reason };
      return false;
    };
    if (entry.sequence !== expected) return fail('sequence');
    if (entry.previousHash !== this.head) return fail('previous_hash');
    if (entryHash(entry) !== entry.hash) return fail('hash');
    this.length = expected;
    this.head = entry.hash;
    return true;
  }

  verdict(): ChainVerdict {
    return this.failure ?? { ok: true, length: this.length, head: this.head };
  }
}

export function verifyChain(entries: Iterable<RegisterEntry>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const e of entries) if (!verifier.push(e)) break;
  return verifier.verdict();
}

/** CE-2026-014: the year of publication and the entry's number within that year. */
export function registerReference(year: number, numberInYear: number): string {
  return `CE-${year}-${String(numberInYear).padStart(3, '0')}`;
}

const REFERENCE = /^CE-(\d{4})-(\d{3,})$/;
export function isRegisterReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** Adds months to an ISO date, keeping the day or the month's last day (29 Feb + 12 → 28 Feb). */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** An authorisation lasts five years from the prefect's order (CSI L252-4). */
export const AUTHORISATION_YEARS = 5;
/**
 * Prefectures ask for the renewal file four months before expiry, and the committee reviews
 * the system then: prefecture practice, not law, so the committee's settings may change it.
 */
export const DEFAULT_RENEWAL_LEAD_MONTHS = 4;
