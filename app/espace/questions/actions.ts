'use server';

import type { z } from 'zod';
import { buttonAction, formAction } from '@/lib/actions';
import { formString, typedValues } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';
import type { Command } from '@/lib/workflow/command';
import type { StepState } from '@/app/espace/seances/actions';

/**
 * Residents' questions in the staff area: moderation (the secretariat) and answers (the
 * chair, or the member they designate). They work without JavaScript; each goes back to
 * the page it came from with `?ok=…`. The forms with a text (publish, reject, answer) are
 * StepForms: a refusal comes back to the form, translated, with the text as it was typed.
 */

const MODERATE = '/espace/questions';
const ANSWER = '/espace/questions/reponses';
/** Back to the questions pages or a file page (where the answer forms also are), never anywhere else. */
const back = (fallback: string) => (formData: FormData) => {
  const retour = formData.get('retour');
  if (retour === MODERATE || retour === ANSWER) return retour;
  return typeof retour === 'string' && /^\/espace\/propositions\/[0-9a-f-]{36}$/.test(retour) ? retour : fallback;
};

type StepAction = (previous: StepState, formData: FormData) => Promise<StepState>;

/** A form with a text: the command, then back with `?ok=<flag>`, or the refusal with what was typed. */
function withText<S extends z.ZodType, R>(command: Command<S, R>, read: (formData: FormData) => unknown, fallback: string, flag: string): StepAction {
  return async (previous, formData) =>
    formAction<S, R, Pick<StepState, 'values'>>(command, read, {
      onSuccess: () => ({ redirect: `${back(fallback)(formData)}?ok=${flag}` }),
      onFailure: () => ({ values: typedValues(formData) }),
    })(previous, formData);
}

export const approveQuestionAction: StepAction = withText(
  COMMANDS.approveResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), revision: formString(formData, 'revision'), publishedBody: formString(formData, 'publishedBody') ?? '' }),
  MODERATE,
  'approved',
);

export const rejectQuestionAction: StepAction = withText(
  COMMANDS.rejectResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), revision: formString(formData, 'revision'), reason: formString(formData, 'reason') ?? '' }),
  MODERATE,
  'rejected',
);

export const assignQuestionAction = buttonAction(
  COMMANDS.assignResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), memberId: formString(formData, 'memberId') ?? '' }),
  { back: back(ANSWER), ok: () => 'assigned' },
);

export const answerQuestionAction: StepAction = withText(
  COMMANDS.answerResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), answer: formString(formData, 'answer') ?? '' }),
  ANSWER,
  'answered',
);
