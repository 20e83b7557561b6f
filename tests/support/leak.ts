import { deliberationMessages, diagnostics, dissents, proposals, users, residentQuestions } from '@/db/schema';
import type { TestDatabase } from './db';

/**
 * What only staff may read (DOMAIN.md rule 7), as the leak tests search for it in every
 * public read: tests/leak.test.ts (the read models) and tests/open-data-leak.test.ts
 * (the open-data answers), with the values read from the database itself.
 */
export async function internalValues(t: TestDatabase): Promise<string[]> {
  const [people, messages, dissentTexts, diagnosticRows, proposalRows] = await Promise.all([
    t.db.select({ name: users.name, email: users.email }).from(users),
    t.db.select({ body: deliberationMessages.body }).from(deliberationMessages),
    t.db.select({ text: dissents.text }).from(dissents),
    t.db.select().from(diagnostics),
    t.db.select({ justification: proposals.justification, viewers: proposals.viewers }).from(proposals),
  ]);
  // Residents' questions: who asked, the text before moderation, why one was rejected.
  const questions = await t.db.select().from(residentQuestions);
  const values = [
    ...people.flatMap((p) => [p.name, p.email]),
    ...messages.map((m) => m.body),
    ...dissentTexts.map((d) => d.text),
    ...diagnosticRows.flatMap((d) => [d.siteDescription, d.proportionality, d.privacyRisks, d.expectedEffect, d.costAssessment, ...Object.values(d.actorsConsulted), ...Object.values(d.alternatives)]),
    ...proposalRows.flatMap((p) => [p.justification, p.viewers]),
    ...questions.flatMap((q) => [q.askerName ?? '', q.askerEmail ?? '', q.addressKey, q.rejectionReason ?? '', q.body === q.publishedBody ? '' : q.body]),
  ];
  // Short strings would match by chance; every internal text of the demo is longer.
  return [...new Set(values.filter((v) => v.trim().length >= 12))];
}

export const INTERNAL_FIELD_NAMES = ['directionDegrees', 'direction_degrees', 'angleDegrees', 'memberId', 'member_id', 'castBy', 'choice', 'deliberation', 'dissent', 'signedBy', 'signed_by', 'proportionality', 'privacyRisks', 'justification', 'passwordHash', 'email'];

export function leaksIn(text: string, internal: readonly string[]): string[] {
  return [...internal, ...INTERNAL_FIELD_NAMES].filter((value) => text.includes(value));
}
