'use server';

import type { z } from 'zod';
import { formAction, recordPath } from '@/lib/actions';
import { formString, typedValues, type FormState } from '@/lib/forms';
import { safeReturnPath } from '@/lib/safe-return-path';
import { closeItemVoteFormSchema, closeSessionFormSchema, signDecisionFormSchema, signMinutesFormSchema } from '@/lib/validation/committee';
import { correctRegisterEntryFormSchema, publishDecisionFormSchema } from '@/lib/validation/register';
import { COMMANDS } from '@/lib/workflow';
import type { Command } from '@/lib/workflow/command';
import { confirmed } from '@/lib/workflow/confirmed';
import { castVoteInput } from './vote-input';

const LIST = '/espace/seances';

/** What every committee form gets back: translated errors, and what was typed (React resets the form after the action). */
export type StepState = FormState & { values?: Record<string, string> };
type StepAction = (previous: StepState, formData: FormData) => Promise<StepState>;

const checkedBox = (formData: FormData) => formData.get('confirmed') === 'on';

/**
 * One form of the session page: runs the command, then back to the session (or to the
 * page named by the form's `back` field, a local path) with `?ok=<flag>`; a refusal comes
 * back to the form, translated, with what was typed.
 */
function step<S extends z.ZodType, R>(command: Command<S, R>, read: (formData: FormData) => unknown, flag: string, to?: (value: R) => string): StepAction {
  return async (previous, formData) => {
    const back = safeReturnPath(formString(formData, 'back'), recordPath(LIST, formString(formData, 'sessionId')));
    const run = formAction<S, R, Pick<StepState, 'values'>>(command, read, {
      onSuccess: (value) => ({ redirect: `${to ? to(value) : back}?ok=${flag}` }),
      onFailure: () => ({ values: typedValues(formData) }),
    });
    return run(previous, formData);
  };
}

const field = (name: string) => (formData: FormData) => formString(formData, name);
const itemId = (formData: FormData) => ({ itemId: field('itemId')(formData) });
const sessionId = (formData: FormData) => ({ sessionId: field('sessionId')(formData) });

/** Up to three condition rows; a row left entirely empty is not a condition. */
function conditions(formData: FormData) {
  const rows = [];
  for (let i = 0; i < 3; i++) {
    const row = { kind: formString(formData, `conditions.${i}.kind`) ?? '', text: formString(formData, `conditions.${i}.text`) ?? '', dueDate: formString(formData, `conditions.${i}.dueDate`) ?? '' };
    if (row.kind || row.text.trim() || row.dueDate) rows.push(row);
  }
  return rows;
}

export const planSessionAction: StepAction = step(
  COMMANDS.planSession,
  (f) => ({ scheduledAt: field('scheduledAt')(f), place: field('place')(f), videoLink: field('videoLink')(f) }),
  'planned',
  ({ id }) => recordPath(LIST, id),
);

export const addToAgendaAction: StepAction = step(COMMANDS.addToAgenda, (f) => ({ ...sessionId(f), proposalId: field('proposalId')(f), rapporteurId: field('rapporteurId')(f) }), 'added');
export const removeFromAgendaAction: StepAction = step(COMMANDS.removeFromAgenda, itemId, 'removed');
export const setRapporteurAction: StepAction = step(COMMANDS.setRapporteur, (f) => ({ ...itemId(f), rapporteurId: field('rapporteurId')(f) }), 'rapporteur');
export const conveneSessionAction: StepAction = step(COMMANDS.conveneSession, (f) => ({ ...sessionId(f), reason: field('reason')(f) }), 'convened');

/** One row per serving member: `attendance.<i>.memberId`, `.status`, `.proxyHolderId`. */
export const holdSessionAction: StepAction = step(
  COMMANDS.holdSession,
  (f) => {
    const rows = [];
    for (let i = 0; f.has(`attendance.${i}.memberId`); i++) {
      const status = formString(f, `attendance.${i}.status`);
      rows.push({ memberId: formString(f, `attendance.${i}.memberId`), status, proxyHolderId: status === 'proxy' ? formString(f, `attendance.${i}.proxyHolderId`) : '' });
    }
    return { ...sessionId(f), attendance: rows };
  },
  'held',
);

export const proposeConditionsAction: StepAction = step(COMMANDS.proposeConditions, (f) => ({ ...itemId(f), revision: field('revision')(f), conditions: conditions(f) }), 'conditions');
export const openItemVoteAction: StepAction = step(COMMANDS.openItemVote, itemId, 'vote_opened');
export const castVoteAction: StepAction = step(COMMANDS.castVote, castVoteInput, 'voted');
export const closeItemVoteAction: StepAction = step(confirmed(COMMANDS.closeItemVote, closeItemVoteFormSchema), (f) => ({ ...itemId(f), confirmed: checkedBox(f) }), 'vote_closed');
export const adjournItemAction: StepAction = step(COMMANDS.adjournItem, (f) => ({ ...itemId(f), reason: field('reason')(f) }), 'adjourned');
export const returnAdjournedAction: StepAction = step(COMMANDS.returnAdjournedFile, (f) => ({ proposalId: field('proposalId')(f), to: field('to')(f) }), 'returned');
export const signDecisionAction: StepAction = step(
  confirmed(COMMANDS.signDecision, signDecisionFormSchema),
  (f) => ({ decisionId: field('decisionId')(f), revision: field('revision')(f), conditions: conditions(f), reasons: field('reasons')(f), publicSummary: field('publicSummary')(f), confirmed: checkedBox(f) }),
  'decision_signed',
);
export const closeSessionAction: StepAction = step(confirmed(COMMANDS.closeSession, closeSessionFormSchema), (f) => ({ ...sessionId(f), confirmed: checkedBox(f) }), 'closed');
export const signMinutesAction: StepAction = step(confirmed(COMMANDS.signMinutes, signMinutesFormSchema), (f) => ({ ...sessionId(f), confirmed: checkedBox(f) }), 'minutes_signed');
export const declareConflictAction: StepAction = step(COMMANDS.declareConflict, (f) => ({ proposalId: field('proposalId')(f), reason: field('reason')(f) }), 'conflict');
export const attachDissentAction: StepAction = step(COMMANDS.attachDissent, (f) => ({ decisionId: field('decisionId')(f), text: field('text')(f) }), 'dissent');
export const recordConflictAction: StepAction = step(COMMANDS.recordConflict, (f) => ({ proposalId: field('proposalId')(f), memberId: field('memberId')(f), reason: field('reason')(f) }), 'conflict_recorded');

/** The register: the chair publishes a signed opinion (back to the session), or corrects or revokes an entry (back to the file, named by the form's `back`). */
export const publishDecisionAction: StepAction = step(confirmed(COMMANDS.publishDecision, publishDecisionFormSchema), (f) => ({ decisionId: field('decisionId')(f), confirmed: checkedBox(f) }), 'published');
export const correctRegisterEntryAction: StepAction = step(
  confirmed(COMMANDS.correctRegisterEntry, correctRegisterEntryFormSchema),
  (f) => ({ kind: field('kind')(f), reference: field('reference')(f), note: field('note')(f), reasons: field('reasons')(f), publicSummary: field('publicSummary')(f), confirmed: checkedBox(f) }),
  'register_corrected',
);
