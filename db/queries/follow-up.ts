import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, cameras, conditionFollowUps, decisions, landlordDecisions, proposals, registerEntries, users, type Authorisation, type LandlordDecision } from '@/db/schema';
import { isCameraRegime } from '@/lib/domain/regimes';
import type { CameraRegime, DecisionCondition, RegisterEntryKind } from '@/lib/domain/vocabulary';
import { isFavourable } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { reference as proposalReference } from './proposals';

/**
 * The staff's read of what follows a published decision of a file: its cameras' regimes,
 * its authorisation record, the landlord's decision, and each condition with its last check. Callers have already checked that the
 * reader may see the file.
 */
export interface DecisionFollowUp {
  decisionId: string;
  reference: string;
  /** Kind and outcome of the decision's latest register entry (a correction may change them). */
  latestKind: RegisterEntryKind;
  outcome: string;
  authorisable: boolean;
  /** The regime of each of the file's cameras, in file order (a camera without one is left out). */
  regimes: CameraRegime[];
  authorisation: Authorisation | null;
  landlordDecision: LandlordDecision | null;
  conditions: DecisionCondition[];
  checks: { conditionIndex: number; status: 'met' | 'not_met'; note: string; checkedOn: string; checkedByName: string; revision: number }[];
}

export async function followUpOfProposal(db: Database, proposalId: string): Promise<DecisionFollowUp[]> {
  const published = await db
    .select({ decisionId: decisions.id, conditions: decisions.conditions })
    .from(decisions)
    .where(and(eq(decisions.proposalId, proposalId), sql`EXISTS (SELECT 1 FROM ${registerEntries} WHERE ${registerEntries.decisionId} = ${decisions.id})`));
  const out: DecisionFollowUp[] = [];
  for (const d of published) {
    const [entries, [authorisation], [landlordDecision], cameraRegimes, checks] = await Promise.all([
      db.select({ reference: registerEntries.reference, kind: registerEntries.kind, outcome: registerEntries.outcome }).from(registerEntries).where(eq(registerEntries.decisionId, d.decisionId)).orderBy(desc(registerEntries.sequence)),
      db.select().from(authorisations).where(eq(authorisations.decisionId, d.decisionId)),
      db.select().from(landlordDecisions).where(eq(landlordDecisions.decisionId, d.decisionId)),
      db.select({ regime: cameras.regime }).from(cameras).where(eq(cameras.proposalId, proposalId)).orderBy(asc(cameras.position)),
      db
        .select({
          conditionIndex: conditionFollowUps.conditionIndex,
          status: conditionFollowUps.status,
          note: conditionFollowUps.note,
          checkedOn: conditionFollowUps.checkedOn,
          checkedByName: users.name,
          revision: conditionFollowUps.revision,
        })
        .from(conditionFollowUps)
        .innerJoin(users, eq(users.id, conditionFollowUps.checkedBy))
        .where(eq(conditionFollowUps.decisionId, d.decisionId))
        .orderBy(asc(conditionFollowUps.conditionIndex)),
    ]);
    const latest = entries[0]!;
    const first = entries[entries.length - 1]!;
    out.push({
      decisionId: d.decisionId,
      reference: first.reference,
      latestKind: latest.kind,
      outcome: latest.outcome,
      authorisable: latest.kind !== 'revocation' && isFavourable(latest.outcome),
      regimes: cameraRegimes.map((c) => c.regime).filter(isCameraRegime),
      authorisation: authorisation ?? null,
      landlordDecision: landlordDecision ?? null,
      conditions: d.conditions,
      checks,
    });
  }
  return out;
}

/** An overdue condition, for the chair's queue. */
export interface OverdueCondition {
  proposalId: string;
  fileReference: string;
  title: string;
  decisionId: string;
  conditionIndex: number;
  text: string;
  dueDate: string;
}

/**
 * Conditions of published, not revoked decisions whose due date is before today (Paris)
 * and that are not marked met: oldest due first.
 */
export async function overdueConditions(db: Database, today: string = parisDate(new Date())): Promise<OverdueCondition[]> {
  const rows = await db.execute<{ proposal_id: string; number: number; title: string; decision_id: string; idx: number; text: string; due_date: string }>(sql`
    SELECT p.id AS proposal_id, p.number, p.title, d.id AS decision_id, (c.ordinality - 1)::int AS idx, c.value->>'text' AS text, c.value->>'dueDate' AS due_date
    FROM ${decisions} d
    JOIN ${proposals} p ON p.id = d.proposal_id
    CROSS JOIN LATERAL jsonb_array_elements(d.conditions) WITH ORDINALITY AS c(value, ordinality)
    WHERE EXISTS (SELECT 1 FROM ${registerEntries} r WHERE r.decision_id = d.id)
      AND NOT EXISTS (SELECT 1 FROM ${registerEntries} r WHERE r.decision_id = d.id AND r.kind = 'revocation')
      AND c.value->>'dueDate' IS NOT NULL AND c.value->>'dueDate' < ${today}
      AND NOT EXISTS (SELECT 1 FROM ${conditionFollowUps} f WHERE f.decision_id = d.id AND f.condition_index = c.ordinality - 1 AND f.status = 'met')
    ORDER BY c.value->>'dueDate', p.number, c.ordinality`);
  return rows.rows.map((r) => ({
    proposalId: r.proposal_id,
    fileReference: proposalReference(Number(r.number)),
    title: r.title,
    decisionId: r.decision_id,
    conditionIndex: Number(r.idx),
    text: r.text,
    dueDate: r.due_date,
  }));
}
