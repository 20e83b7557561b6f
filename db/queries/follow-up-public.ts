import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { conditionFollowUps } from '@/db/schema';
import type { RegisterEntry } from '@/lib/domain/register';
import { publicLandlordDecision, type PublicCamera, type PublicLandlordDecision } from '@/lib/domain/camera-status';
import { needsPrefectAuthorisation } from '@/lib/domain/regimes';
import { isFavourable, conditionsFollowUp, publicAuthorisation, type ConditionFollowUpRecord, type PublicAuthorisation, type PublicConditionFollowUp } from '@/lib/domain/follow-up';
import { publicDecisionRecords, servedCamera } from './public-cameras';

/**
 * The live follow-up of register entries, computed at serve time (never in the sealed
 * entry): the prefect's authorisation, the cameras' regimes and service dates, and each
 * condition's state on `today`. Public columns only: no staff name, no note, no refusal
 * reason, no camera position or aim.
 */
export interface PublicFollowUp {
  authorisation: PublicAuthorisation | null;
  /** For a landlord's common-area cameras: the board's decision and the police convention, if any. */
  landlordDecision: PublicLandlordDecision | null;
  /** The decision's cameras, in file order: regime, authorised, in service, since when. */
  cameras: PublicCamera[];
  /** One per condition of the entry, in its order. */
  conditions: PublicConditionFollowUp[];
}

export async function publicFollowUps(db: Database, rows: readonly { decisionId: string; entry: RegisterEntry }[], today: string): Promise<PublicFollowUp[]> {
  const ids = [...new Set(rows.map((r) => r.decisionId))];
  if (!ids.length) return [];
  // Cameras, authorisations, landlords' decisions and revocations are read once, with the cameras' standing.
  const [records, checks] = await Promise.all([
    publicDecisionRecords(db, today, ids),
    db
      .select({ decisionId: conditionFollowUps.decisionId, conditionIndex: conditionFollowUps.conditionIndex, status: conditionFollowUps.status, checkedOn: conditionFollowUps.checkedOn })
      .from(conditionFollowUps)
      .where(inArray(conditionFollowUps.decisionId, ids)),
  ]);
  const { camerasOf, authorisationOf: byDecision, landlordDecisionOf: landlordOf, revoked: isRevoked } = records;
  const checksOf = new Map<string, ConditionFollowUpRecord[]>();
  for (const { decisionId, ...check } of checks) checksOf.set(decisionId, [...(checksOf.get(decisionId) ?? []), check]);
  // A revoked decision no longer holds: nothing follows it (on every entry of its chain).
  return rows.map(({ decisionId, entry }) => {
    const cameras = (camerasOf.get(decisionId) ?? []).map(servedCamera);
    if (isRevoked.has(decisionId)) return { authorisation: null, landlordDecision: null, cameras, conditions: [] };
    // The prefect authorises only the public road and places open to the public; a landlord's
    // common area has its board's decision instead (lib/domain/regimes.ts).
    const prefectoral = cameras.length === 0 || cameras.some((c) => needsPrefectAuthorisation(c.regime));
    const commonArea = cameras.some((c) => !needsPrefectAuthorisation(c.regime));
    const landlord = landlordOf.get(decisionId);
    return {
      authorisation: prefectoral ? publicAuthorisation(entry, byDecision.get(decisionId) ?? null, today) : null,
      landlordDecision: commonArea && isFavourable(entry.outcome) && entry.kind !== 'revocation' ? publicLandlordDecision(landlord ?? null, today) : null,
      cameras,
      conditions: conditionsFollowUp(entry.conditions, checksOf.get(decisionId) ?? [], today),
    };
  });
}
