import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { decisions, proposals, registerEntries, residentQuestions, userRoles, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { proposalReference } from '@/lib/domain/references';
import type { ResidentQuestionKind } from '@/lib/domain/vocabulary';
import { parisYearRange } from './annual-report';

/**
 * Read models of residents' questions. The public read takes no actor and selects only
 * what is shown publicly: the kind, the moderated text, the answer and their dates; never
 * the asker's name, email or address key, never a pending or rejected question.
 */

export interface PublicQuestion {
  id: string;
  kind: ResidentQuestionKind;
  text: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

/** The approved questions about the decision this register entry belongs to (every version of it), oldest first. */
export async function publicQuestions(db: Database, reference: string): Promise<PublicQuestion[]> {
  const rows = await db
    .select({
      id: residentQuestions.id,
      kind: residentQuestions.kind,
      text: residentQuestions.publishedBody,
      askedAt: residentQuestions.createdAt,
      answer: residentQuestions.answer,
      answeredAt: residentQuestions.answeredAt,
    })
    .from(residentQuestions)
    .where(
      and(
        eq(residentQuestions.state, 'approved'),
        inArray(
          residentQuestions.proposalId,
          db
            .select({ id: decisions.proposalId })
            .from(registerEntries)
            .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
            .where(eq(registerEntries.reference, reference)),
        ),
      ),
    )
    .orderBy(asc(residentQuestions.createdAt), asc(residentQuestions.id));
  return rows.map((r) => ({ ...r, text: r.text ?? '' }));
}

export interface StaffQuestion {
  id: string;
  revision: number;
  kind: ResidentQuestionKind;
  body: string;
  publishedBody: string | null;
  askerName: string | null;
  hasEmail: boolean;
  registerReference: string;
  proposal: { id: string; reference: string; title: string };
  createdAt: Date;
  assignedTo: { id: string; name: string } | null;
  answer: string | null;
}

const assignee = alias(users, 'assignee');

function staffSelect(db: Database) {
  return db
    .select({
      id: residentQuestions.id,
      revision: residentQuestions.revision,
      kind: residentQuestions.kind,
      body: residentQuestions.body,
      publishedBody: residentQuestions.publishedBody,
      askerName: residentQuestions.askerName,
      hasEmail: sql<boolean>`${residentQuestions.askerEmail} IS NOT NULL`,
      registerReference: residentQuestions.registerReference,
      proposalId: proposals.id,
      proposalNumber: proposals.number,
      proposalTitle: proposals.title,
      createdAt: residentQuestions.createdAt,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      answer: residentQuestions.answer,
    })
    .from(residentQuestions)
    .innerJoin(proposals, eq(proposals.id, residentQuestions.proposalId))
    .leftJoin(assignee, eq(assignee.id, residentQuestions.assignedTo));
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffSelect>['where']>>[number];

function toStaff(r: StaffRow): StaffQuestion {
  return {
    id: r.id,
    revision: r.revision,
    kind: r.kind,
    body: r.body,
    publishedBody: r.publishedBody,
    askerName: r.askerName,
    hasEmail: Boolean(r.hasEmail),
    registerReference: r.registerReference,
    proposal: { id: r.proposalId, reference: proposalReference(r.proposalNumber), title: r.proposalTitle },
    createdAt: r.createdAt,
    assignedTo: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    answer: r.answer,
  };
}

/** Waiting for moderation, oldest first (the secretariat). */
export async function questionsToModerate(db: Database, limit = 100): Promise<StaffQuestion[]> {
  const rows = await staffSelect(db).where(eq(residentQuestions.state, 'pending')).orderBy(asc(residentQuestions.createdAt), asc(residentQuestions.id)).limit(limit);
  return rows.map(toStaff);
}

/** Approved and not answered yet that this person may answer: all of them for the chair, the ones designated to them for a member. */
export async function questionsToAnswer(db: Database, actor: Pick<Actor, 'id' | 'roles'>, proposalId?: string): Promise<StaffQuestion[]> {
  const mine = actor.roles.includes('chair') ? undefined : eq(residentQuestions.assignedTo, actor.id);
  const rows = await staffSelect(db)
    .where(and(eq(residentQuestions.state, 'approved'), isNull(residentQuestions.answer), mine, proposalId ? eq(residentQuestions.proposalId, proposalId) : undefined))
    .orderBy(asc(residentQuestions.createdAt), asc(residentQuestions.id))
    .limit(100);
  return rows.map(toStaff);
}

/** The file's approved questions (answered or not), for the file page. */
export async function fileQuestions(db: Database, proposalId: string): Promise<StaffQuestion[]> {
  const rows = await staffSelect(db)
    .where(and(eq(residentQuestions.proposalId, proposalId), eq(residentQuestions.state, 'approved')))
    .orderBy(asc(residentQuestions.createdAt), asc(residentQuestions.id));
  return rows.map(toStaff);
}

/** How many of the file's questions wait for moderation (the file page says so, without their text). */
export async function filePendingCount(db: Database, proposalId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residentQuestions)
    .where(and(eq(residentQuestions.proposalId, proposalId), eq(residentQuestions.state, 'pending')));
  return row?.n ?? 0;
}

/** Active committee members the chair may designate. */
export async function designatableMembers(db: Database): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.active, true), inArray(userRoles.role, ['member', 'chair'])))
    .orderBy(asc(users.name), asc(users.id));
}

export interface QuestionYear {
  asked: number;
  approved: number;
  rejected: number;
  pending: number;
  answered: number;
  /** Median days from question to answer, over the answered ones; null when none. */
  medianDaysToAnswer: number | null;
}

/**
 * The annual report's counts: the questions asked in the year (Paris time), by what became
 * of them. Spam stopped by the form's traps is never stored, so never counted.
 */
export async function questionYear(db: Database, year: number): Promise<QuestionYear> {
  const { start, end } = parisYearRange(year);
  const result = await db.execute<{ asked: number; approved: number; rejected: number; pending: number; answered: number; median: number | string | null }>(sql`
    SELECT
      count(*)::int AS asked,
      (count(*) FILTER (WHERE state = 'approved'))::int AS approved,
      (count(*) FILTER (WHERE state = 'rejected'))::int AS rejected,
      (count(*) FILTER (WHERE state = 'pending'))::int AS pending,
      (count(*) FILTER (WHERE answered_at IS NOT NULL))::int AS answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400.0)
        FILTER (WHERE answered_at IS NOT NULL) AS median
    FROM resident_questions
    WHERE created_at >= ${start.toISOString()} AND created_at < ${end.toISOString()}
  `);
  const row = result.rows[0];
  const n = (v: unknown) => Number(v ?? 0);
  return {
    asked: n(row?.asked),
    approved: n(row?.approved),
    rejected: n(row?.rejected),
    pending: n(row?.pending),
    answered: n(row?.answered),
    medianDaysToAnswer: row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median) * 10) / 10,
  };
}
