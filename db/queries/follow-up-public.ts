import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, conditionFollowUps, registerEntries } from '@/db/schema';
import type { RegisterEntry } from '@/lib/domain/register';
import { conditionsFollowUp, publicAuthorisation, type AuthorisationRecord, type ConditionFollowUpRecord, type PublicAuthorisation, type PublicConditionFollowUp } from '@/lib/domain/follow-up';

/**
 * The live follow-up of register entries, computed at serve time (never in the sealed
 * entry): the prefect's authorisation and each condition's state on `today`. Public
 * columns only: no staff name, no note, no refusal reason.
 */
export interface PublicFollowUp {
  authorisation: PublicAuthorisation | null;
  /** One per condition of the entry, in its order. */
  conditions: PublicConditionFollowUp[];
}

export async function publicFollowUps(db: Database, rows: readonly { decisionId: string; entry: RegisterEntry }[], today: string): Promise<PublicFollowUp[]> {
  const ids = [...new Set(rows.map((r) => r.decisionId))];
  if (!ids.length) return [];
  const [revoked, auths, checks] = await Promise.all([
    db
      .selectDistinct({ decisionId: registerEntries.decisionId })
      .from(registerEntries)
      .where(and(inArray(registerEntries.decisionId, ids), eq(registerEntries.kind, 'revocation'))),
    db
      .select({
        decisionId: authorisations.decisionId,
        filedOn: authorisations.filedOn,
        prefectureReference: authorisations.prefectureReference,
        cdvpOpinionOn: authorisations.cdvpOpinionOn,
        cdvpOpinion: authorisations.cdvpOpinion,
        prefectDecision: authorisations.prefectDecision,
        prefectDecidedOn: authorisations.prefectDecidedOn,
        orderReference: authorisations.orderReference,
        refusalReason: authorisations.refusalReason,
      })
      .from(authorisations)
      .where(inArray(authorisations.decisionId, ids)),
    db
      .select({ decisionId: conditionFollowUps.decisionId, conditionIndex: conditionFollowUps.conditionIndex, status: conditionFollowUps.status, checkedOn: conditionFollowUps.checkedOn })
      .from(conditionFollowUps)
      .where(inArray(conditionFollowUps.decisionId, ids)),
  ]);
  const byDecision = new Map<string, AuthorisationRecord>(auths.map(({ decisionId, ...row }) => [decisionId, row]));
  const checksOf = new Map<string, ConditionFollowUpRecord[]>();
  for (const { decisionId, ...check } of checks) checksOf.set(decisionId, [...(checksOf.get(decisionId) ?? []), check]);
  // A revoked decision no longer holds: nothing follows it (on every entry of its chain).
  const isRevoked = new Set(revoked.map((r) => r.decisionId));
  return rows.map(({ decisionId, entry }) =>
    isRevoked.has(decisionId)
      ? { authorisation: null, conditions: [] }
      : { authorisation: publicAuthorisation(entry, byDecision.get(decisionId) ?? null, today), conditions: conditionsFollowUp(entry.conditions, checksOf.get(decisionId) ?? [], today) },
  );
}
