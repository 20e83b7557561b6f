import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { decisions, registerEntries, residentQuestions, users } from '@/db/schema';
import { addressKey } from '@/lib/resident-questions/anti-spam';
import { recordEvent } from '@/lib/workflow/audit';

/**
 * Demo residents' questions (issue 10, item 6), in French, on three published decisions:
 * two answered (one by the chair, one by the member she designated), one approved and
 * waiting for its answer, one waiting for moderation, one rejected. Written directly with
 * dates in the past (asked, moderated and answered days apart, always after the decision
 * was published), with the audit events the commands would have written.
 */
export async function seedQuestions(db: Database): Promise<void> {
  const byEmail = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const [admin, chair, member] = await Promise.all([byEmail('admin@demo.vigie.test'), byEmail('presidence@demo.vigie.test'), byEmail('membre2@demo.vigie.test')]);

  // Decisions still in force (not corrected nor revoked), the most recently published first.
  const later = alias(registerEntries, 'later');
  const entries = await db
    .select({ reference: registerEntries.reference, publishedAt: registerEntries.publishedAt, proposalId: decisions.proposalId })
    .from(registerEntries)
    .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
    .leftJoin(later, eq(later.correctsSequence, registerEntries.sequence))
    .where(and(eq(registerEntries.kind, 'decision'), isNull(later.sequence), inArray(registerEntries.outcome, ['favourable', 'favourable_with_conditions'])))
    .orderBy(desc(registerEntries.sequence))
    .limit(3);
  if (entries.length < 1) return;
  const pick = (i: number) => entries[Math.min(i, entries.length - 1)]!;
  const now = Date.now();
  /** A moment between the entry's publication (0) and now (1). */
  const at = (entry: { publishedAt: Date }, fraction: number) => new Date(entry.publishedAt.getTime() + fraction * (now - entry.publishedAt.getTime()));

  type Seeded = {
    entry: (typeof entries)[number];
    kind: 'question' | 'concern';
    body: string;
    publishedBody?: string;
    askerName?: string;
    askerEmail?: string;
    asked: number;
    moderated?: number;
    rejectionReason?: string;
    assignedTo?: string;
    answer?: string;
    answeredBy?: string;
    answered?: number;
  };
  const questions: Seeded[] = [
    {
      entry: pick(0),
      kind: 'question',
      body: 'Bonjour, combien de temps les images sont-elles gardées, et qui peut les regarder ? Merci.',
      publishedBody: 'Combien de temps les images sont-elles gardées, et qui peut les regarder ?',
      askerName: 'Mireille',
      asked: 0.3,
      moderated: 0.35,
      answer:
        'Les images sont conservées 15 jours, puis effacées automatiquement. Seuls deux agents habilités de la police municipale peuvent les consulter, et uniquement après un signalement ; chaque consultation est tracée.',
      answeredBy: chair,
      answered: 0.5,
    },
    {
      entry: pick(0),
      kind: 'concern',
      body: 'La caméra près du local à vélos semble tournée vers les fenêtres du rez-de-chaussée, au niveau de l’appartement de M. Martin.',
      publishedBody: 'La caméra près du local à vélos semble tournée vers les fenêtres du rez-de-chaussée.',
      asked: 0.55,
      moderated: 0.6,
      assignedTo: member,
      answer:
        'Merci pour ce signalement. Nous avons vérifié sur place avec le bailleur : un masquage dynamique couvre les fenêtres du rez-de-chaussée. Il a été contrôlé et ajusté le jour de la visite.',
      answeredBy: member,
      answered: 0.75,
    },
    {
      entry: pick(1),
      kind: 'question',
      body: 'Le comité fera-t-il un bilan de l’effet des caméras sur les faits constatés dans la résidence ?',
      publishedBody: 'Le comité fera-t-il un bilan de l’effet des caméras sur les faits constatés dans la résidence ?',
      asked: 0.7,
      moderated: 0.8,
    },
    {
      entry: pick(1),
      kind: 'question',
      body: 'Est-ce que les caméras filment aussi le parking du personnel de l’école voisine ?',
      askerName: 'Karine L.',
      askerEmail: 'karine.l@example.test',
      asked: 0.95,
    },
    {
      entry: pick(2),
      kind: 'concern',
      body: 'Encore des caméras pour fliquer les gens, vous êtes tous des incapables.',
      asked: 0.6,
      moderated: 0.65,
      rejectionReason: 'Propos injurieux, sans question ni signalement précis.',
    },
  ];

  let n = 0;
  for (const q of questions) {
    n += 1;
    const state = q.rejectionReason ? 'rejected' : q.moderated !== undefined ? 'approved' : 'pending';
    const [row] = await db
      .insert(residentQuestions)
      .values({
        proposalId: q.entry.proposalId,
        registerReference: q.entry.reference,
        kind: q.kind,
        body: q.body,
        askerName: q.askerName ?? null,
        askerEmail: q.askerEmail ?? null,
        addressKey: addressKey(`203.0.113.${n}`),
        state,
        publishedBody: state === 'approved' ? (q.publishedBody ?? q.body) : null,
        moderatedBy: q.moderated !== undefined ? admin : null,
        moderatedAt: q.moderated !== undefined ? at(q.entry, q.moderated) : null,
        rejectionReason: q.rejectionReason ?? null,
        assignedTo: q.assignedTo ?? null,
        answer: q.answer ?? null,
        answeredBy: q.answer ? q.answeredBy! : null,
        answeredAt: q.answer ? at(q.entry, q.answered!) : null,
        createdAt: at(q.entry, q.asked),
      })
      .returning({ id: residentQuestions.id });
    const questionId = row!.id;
    const event = { entityId: q.entry.proposalId, details: { questionId } };
    if (state === 'approved') await recordEvent(db, { action: 'question.approved', actorId: admin, ...event });
    if (state === 'rejected') await recordEvent(db, { action: 'question.rejected', actorId: admin, ...event });
    if (q.assignedTo) await recordEvent(db, { action: 'question.assigned', actorId: chair, entityId: q.entry.proposalId, details: { questionId, memberId: q.assignedTo } });
    if (q.answer) await recordEvent(db, { action: 'question.answered', actorId: q.answeredBy!, ...event });
  }
}
