import { z } from 'zod';
import { RESIDENT_QUESTION_KINDS } from '@/lib/domain/vocabulary';
import { email, optionalText, requiredText, revision, uuid } from './fields';

/** Residents' questions: what a resident may send, and the staff's moderation and answers. */

export const QUESTION_BODY_MAX = 2000;
export const ASKER_NAME_MAX = 100;
export const QUESTION_REASON_MAX = 1000;
export const QUESTION_ANSWER_MAX = 5000;

const registerReference = z.string({ error: 'validation.invalid' }).trim().regex(/^CE-\d{4}-\d{3,}$/, { error: 'validation.invalid' });

/** An optional email: '' (or nothing) means none was given. */
const optionalEmail = z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v), email.nullable());

/** What a resident sends from a decision page (no account). The anti-spam fields are read apart (lib/resident-questions/anti-spam.ts). */
export const askQuestionSchema = z.object({
  reference: registerReference,
  kind: z.enum(RESIDENT_QUESTION_KINDS, { error: 'validation.required' }),
  askerName: optionalText(ASKER_NAME_MAX),
  askerEmail: optionalEmail,
  body: requiredText(QUESTION_BODY_MAX),
});
export type AskQuestionInput = z.output<typeof askQuestionSchema>;

/** Approve: the text shown publicly, which the moderator may have stripped of personal data. */
export const approveQuestionSchema = z.object({ questionId: uuid, revision, publishedBody: requiredText(QUESTION_BODY_MAX) });

/** Reject: a reason kept for the staff, never shown publicly. */
export const rejectQuestionSchema = z.object({ questionId: uuid, revision, reason: requiredText(QUESTION_REASON_MAX) });

/** The chair designates a member to answer ('' / null: nobody, the chair answers). */
export const assignQuestionSchema = z.object({
  questionId: uuid,
  memberId: z.preprocess((v) => (v === '' || v === undefined ? null : v), uuid.nullable()),
});

export const answerQuestionSchema = z.object({ questionId: uuid, answer: requiredText(QUESTION_ANSWER_MAX) });
