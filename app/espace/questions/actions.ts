'use server';

import { buttonAction } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

/**
 * Residents' questions in the staff area: moderation (the secretariat) and answers (the
 * chair, or the member they designate). Plain forms: they work without JavaScript; each
 * goes back to the page it came from with `?ok=…` or `?erreur=…`.
 */

const MODERATE = '/espace/questions';
const ANSWER = '/espace/questions/reponses';
/** Back to the questions pages or a file page (where the answer forms also are), never anywhere else. */
const back = (fallback: string) => (formData: FormData) => {
  const retour = formData.get('retour');
  if (retour === MODERATE || retour === ANSWER) return retour;
  return typeof retour === 'string' && /^\/espace\/propositions\/[0-9a-f-]{36}$/.test(retour) ? retour : fallback;
};

export const approveQuestionAction = buttonAction(
  COMMANDS.approveResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), revision: formString(formData, 'revision'), publishedBody: formString(formData, 'publishedBody') ?? '' }),
  { back: back(MODERATE), ok: () => 'approved' },
);

export const rejectQuestionAction = buttonAction(
  COMMANDS.rejectResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), revision: formString(formData, 'revision'), reason: formString(formData, 'reason') ?? '' }),
  { back: back(MODERATE), ok: () => 'rejected' },
);

export const assignQuestionAction = buttonAction(
  COMMANDS.assignResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), memberId: formString(formData, 'memberId') ?? '' }),
  { back: back(ANSWER), ok: () => 'assigned' },
);

export const answerQuestionAction = buttonAction(
  COMMANDS.answerResidentQuestion,
  (formData) => ({ questionId: formString(formData, 'questionId'), answer: formString(formData, 'answer') ?? '' }),
  { back: back(ANSWER), ok: () => 'answered' },
);
