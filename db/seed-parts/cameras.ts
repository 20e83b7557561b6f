import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, cameras, decisions, landlordDecisions, users } from '@/db/schema';
import { parisDate } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { publishedFavourableDecision } from '@/lib/workflow/cameras';

/** The calendar day `n` days after `day` (YYYY-MM-DD). */
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The demo's reason for the one camera taken out of service: public words, no names. */
export const DEMO_DECOMMISSION_REASON = 'Caméra déposée après le réaménagement de la rampe d’accès : l’éclairage renforcé et la nouvelle porte à badge ont remplacé la surveillance de cette entrée.';

/**
 * After the vote (issue 10, item 2): every camera of a decision authorised (the prefect's
 * order granted, or the landlord's board decision for common areas) is put in service a
 * few weeks after, never in the future, never after the authorisation expired, through the
 * real command; the prefect is told of it when the order asks (prior notice of
 * commissioning). Then one camera of the most recent file with several cameras is taken out
 * of service, which publishes a decommissioning entry in the register. Runs after the
 * authorisations are seeded; without any authorisation it does nothing.
 */
export async function seedCameras(db: Database): Promise<void> {
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'prevention@demo.vigie.test'));
  if (!officer) return;
  const run = async <T>(command: Parameters<typeof runCommand>[1], input: unknown): Promise<T> => {
    const result = await runCommand(db, command, officer.id, input);
    if (!result.ok) throw new Error(`seed: ${command.name} failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
    return result.value as T;
  };
  const today = parisDate(new Date());
  const byPrefect = await db
    .select({ decisionId: authorisations.decisionId, grantedOn: authorisations.prefectDecidedOn, proposalId: decisions.proposalId, revision: authorisations.revision })
    .from(authorisations)
    .innerJoin(decisions, eq(decisions.id, authorisations.decisionId))
    .where(eq(authorisations.prefectDecision, 'granted'));
  const byLandlord = await db
    .select({ decisionId: landlordDecisions.decisionId, grantedOn: landlordDecisions.boardDecidedOn, proposalId: decisions.proposalId })
    .from(landlordDecisions)
    .innerJoin(decisions, eq(decisions.id, landlordDecisions.decisionId));
  const granted = [...byPrefect.map((g) => ({ ...g, prefectoral: true })), ...byLandlord.map((g) => ({ ...g, revision: 0, prefectoral: false }))].sort((a, b) =>
    (a.grantedOn ?? '').localeCompare(b.grantedOn ?? ''),
  );

  const commissioned: { proposalId: string; on: string; count: number }[] = [];
  for (const { decisionId, proposalId, grantedOn, prefectoral, revision } of granted) {
    if (!grantedOn || grantedOn > today) continue;
    const decision = await db.transaction((tx) => publishedFavourableDecision(tx, proposalId));
    if (!decision || decision.latest.kind === 'revocation') continue;
    const waiting = await db
      .select({ id: cameras.id })
      .from(cameras)
      .where(and(eq(cameras.proposalId, proposalId), isNull(cameras.commissionedOn)))
      .orderBy(asc(cameras.position));
    if (!waiting.length) continue;
    // Installed three weeks after the grant (or today, for a grant of the last days).
    const on = [addDays(grantedOn, 21), today].sort()[0]!;
    await run(COMMANDS.commissionCameras, { proposalId, cameras: waiting.map((c) => ({ cameraId: c.id, commissionedOn: on })) });
    // The prefect is told before the cameras run, as the order asks: the day before (or the grant's day).
    if (prefectoral) await run(COMMANDS.recordCommissioningNotice, { decisionId, revision, commissioningNoticeOn: [addDays(on, -1), grantedOn].sort().reverse()[0] });
    commissioned.push({ proposalId, on, count: waiting.length });
  }

  // One camera taken out of service: on the most recent file with several cameras (else the most recent one).
  const recentFirst = [...commissioned].reverse();
  const target = recentFirst.find((c) => c.count > 1) ?? recentFirst[0];
  if (!target) return;
  const [camera] = await db.select({ id: cameras.id }).from(cameras).where(eq(cameras.proposalId, target.proposalId)).orderBy(asc(cameras.position)).limit(1);
  const out = [addDays(target.on, 90), today].sort()[0]!;
  await run(COMMANDS.decommissionCamera, { cameraId: camera!.id, decommissionedOn: out, reason: DEMO_DECOMMISSION_REASON });
}
