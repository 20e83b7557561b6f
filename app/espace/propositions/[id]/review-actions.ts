'use server';

import { formAction, recordPath } from '@/lib/actions';
import { formString, type FormState } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

/**
 * The committee's review on the file page: deliberation messages, questions to the
 * technician and answers. Plain forms: they work without JavaScript; a success goes back
 * to the file at the section, a refusal comes back with what was typed.
 */

const LIST = '/espace/propositions';
const at = (proposalId: string, flag: string, anchor: string) => `${recordPath(LIST, proposalId)}?ok=${flag}#${anchor}`;

/** A refused text form comes back with its text, so that nothing typed is lost. */
export type TextFormState = FormState & { text?: string };

export const postDeliberationAction = formAction<typeof COMMANDS.postDeliberation.schema, { id: string }, Pick<TextFormState, 'text'>>(
  COMMANDS.postDeliberation,
  (formData) => ({ proposalId: formString(formData, 'proposalId'), body: formString(formData, 'body') ?? '' }),
  {
    onSuccess: (_value, { proposalId }) => ({ redirect: at(proposalId, 'deliberation_posted', 'deliberation') }),
    onFailure: (raw) => ({ text: (raw as { body: string }).body }),
  },
);

export const requestInfoAction = formAction<typeof COMMANDS.requestInfo.schema, { id: string }, Pick<TextFormState, 'text'>>(
  COMMANDS.requestInfo,
  (formData) => ({ proposalId: formString(formData, 'proposalId'), question: formString(formData, 'question') ?? '' }),
  {
    onSuccess: (_value, { proposalId }) => ({ redirect: at(proposalId, 'info_requested', 'questions') }),
    onFailure: (raw) => ({ text: (raw as { question: string }).question }),
  },
);

export const answerInfoAction = formAction<typeof COMMANDS.answerInfo.schema, { answered: number }, Pick<TextFormState, 'text'>>(
  COMMANDS.answerInfo,
  (formData) => ({ proposalId: formString(formData, 'proposalId'), requestId: formString(formData, 'requestId'), answer: formString(formData, 'answer') ?? '' }),
  {
    onSuccess: (_value, { proposalId }) => ({ redirect: at(proposalId, 'info_answered', 'questions') }),
    onFailure: (raw) => ({ text: (raw as { answer: string }).answer }),
  },
);
