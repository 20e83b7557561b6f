import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, conditionFollowUps, landlordDecisions, registerEntries } from '@/db/schema';
import type { RegisterEntry } from '@/lib/domain/register';
import { publicLandlordDecision, type PublicCamera, type PublicLandlordDecision } from '@/lib/domain/camera-status';
import { needsPrefectAuthorisation } from '@/lib/domain/regimes';
import { isFavourable, conditionsFollowUp, publicAuthorisation, type AuthorisationRecord, type ConditionFollowUpRecord, type PublicAuthorisation, type PublicConditionFollowUp } from '@/lib/domain/follow-up';
import { publicCameras, servedCamera } from './public-cameras';

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
  const [revoked, auths, checks, camerasOf, landlords] = await Promise.all([
    db
      .selectDistinct({ decisionId: registerEntries.decisionId })
      .from(registerEntries)
      .where(and(inArray(registerEntries.decisionId, ids), eq(registerEntries.kind, 'revocation'))),
    db
      .select()
      .from(authorisations)
      .where(inArray(authorisations.decisionId, ids)),
    db
      .select({ decisionId: conditionFollowUps.decisionId, conditionIndex: conditionFollowUps.conditionIndex, status: conditionFollowUps.status, checkedOn: conditionFollowUps.checkedOn })
      .from(conditionFollowUps)
      .where(inArray(conditionFollowUps.decisionId, ids)),
    publicCameras(db, today, ids),
    db
      .select({ decisionId: landlordDecisions.decisionId, decidedOn: landlordDecisions.boardDecidedOn, policeTransmission: landlordDecisions.policeTransmission, conventionSignedOn: landlordDecisions.conventionSignedOn })
      .from(landlordDecisions)
      .where(inArray(landlordDecisions.decisionId, ids)),
  ]);
  const landlordOf = new Map(landlords.map(({ decisionId, ...l }) => [decisionId, l]));
  const byDecision = new Map<string, AuthorisationRecord>(auths.map((row) => [row.decisionId, row]));
  const checksOf = new Map<string, ConditionFollowUpRecord[]>();
  for (const { decisionId, ...check } of checks) checksOf.set(decisionId, [...(checksOf.get(decisionId) ?? []), check]);
  // A revoked decision no longer holds: nothing follows it (on every entry of its chain).
  const isRevoked = new Set(revoked.map((r) => r.decisionId));
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
