'use server';

import { formAction, recordPath } from '@/lib/actions';
import { formString, type FormState } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

/**
 * After the vote, on the file page: the steps of the prefect's authorisation, the
 * landlord's decision for common-area cameras, and the conditions' follow-up. Plain forms (no JavaScript needed): a success goes back to the
 * file at the section with a flash, a refusal comes back with what was typed.
 */

const LIST = '/espace/propositions';

/** A refused form comes back with its values (and a new attempt number to show them). */
export type StepFormState = FormState & { values?: Record<string, string>; attempt?: number };

const read = (formData: FormData, names: string[]) => Object.fromEntries(names.map((name) => [name, formString(formData, name) ?? '']));

/** Each command answers with the file the decision belongs to: the redirect goes back there. */
type StepCommand =
  | typeof COMMANDS.recordAuthorisationFiling
  | typeof COMMANDS.recordAcknowledgement
  | typeof COMMANDS.recordCdvpOpinion
  | typeof COMMANDS.recordPrefectDecision
  | typeof COMMANDS.recordCommissioningNotice
  | typeof COMMANDS.recordLandlordDecision
  | typeof COMMANDS.markCondition;

function stepAction(command: StepCommand, names: string[], flag: string, anchor: string) {
  const action = formAction<StepCommand['schema'], { proposalId: string }, Pick<StepFormState, 'values' | 'attempt'>>(
    command as never,
    (formData: FormData) => read(formData, names),
    {
      onSuccess: ({ proposalId }) => ({ redirect: `${recordPath(LIST, proposalId)}?ok=${flag}#${anchor}` }),
      onFailure: (raw) => ({ values: raw as Record<string, string>, attempt: Date.now() }),
    },
  );
  return action;
}

export async function recordFilingAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(COMMANDS.recordAuthorisationFiling, ['decisionId', 'revision', 'filedOn', 'prefectureReference'], 'authorisation_filed', 'authorisation')(state, formData);
}

export async function recordCdvpOpinionAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(COMMANDS.recordCdvpOpinion, ['decisionId', 'revision', 'cdvpOpinionOn', 'cdvpOpinion'], 'cdvp_recorded', 'authorisation')(state, formData);
}

export async function recordPrefectDecisionAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(COMMANDS.recordPrefectDecision, ['decisionId', 'revision', 'decision', 'decidedOn', 'orderReference', 'orderRetentionDays', 'refusalReason'], 'prefect_decided', 'authorisation')(state, formData);
}

export async function recordAcknowledgementAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(COMMANDS.recordAcknowledgement, ['decisionId', 'revision', 'acknowledgedOn'], 'acknowledgement_recorded', 'authorisation')(state, formData);
}

export async function recordCommissioningNoticeAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(COMMANDS.recordCommissioningNotice, ['decisionId', 'revision', 'commissioningNoticeOn'], 'notice_recorded', 'authorisation')(state, formData);
}

export async function recordLandlordDecisionAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(
    COMMANDS.recordLandlordDecision,
    ['decisionId', 'revision', 'boardDecidedOn', 'boardReference', 'policeTransmission', 'conventionSignedOn', 'conventionParties', 'conventionReference'],
    'landlord_recorded',
    'landlord-decision',
  )(state, formData);
}

export async function markConditionAction(state: StepFormState, formData: FormData): Promise<StepFormState> {
  return stepAction(COMMANDS.markCondition, ['decisionId', 'conditionIndex', 'revision', 'status', 'note', 'checkedOn'], 'condition_checked', 'conditions-follow-up')(state, formData);
}
