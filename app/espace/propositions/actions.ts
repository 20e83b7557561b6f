'use server';

import { buttonAction, formAction, recordPath, valuesAction } from '@/lib/actions';
import { formString, type FormState } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

const LIST = '/espace/propositions';
const proposalIdFrom = (formData: FormData) => ({ proposalId: formString(formData, 'proposalId') });
const back = (formData: FormData) => recordPath(LIST, formString(formData, 'proposalId'));

/** What the proposal and diagnostic forms get back: translated, plus the new revision to keep editing. */
export type SaveResult = FormState & { revision?: number };
type SaveAction = (values: unknown) => Promise<SaveResult>;

export const createProposalAction = formAction(
  COMMANDS.createProposal,
  (formData) => ({ siteId: formString(formData, 'siteId'), title: formString(formData, 'title') }),
  { onSuccess: ({ id }) => ({ redirect: `${recordPath(LIST, id, '/modifier')}?ok=created` }) },
);

/** Called by the proposal form with its values (it needs JavaScript for its repeatable cameras and map). */
export const saveProposalAction: SaveAction = valuesAction(COMMANDS.saveProposalDraft, {
  onSuccess: ({ revision }, _input, t) => ({ message: t('proposals.saved'), revision }),
});

export const submitProposalAction: SaveAction = valuesAction(COMMANDS.submitProposal, {
  onSuccess: (_value, { proposalId }) => ({ redirect: `${recordPath(LIST, proposalId)}?ok=submitted` }),
});

/** A refused withdrawal comes back with what was typed: React resets the form after the action. */
export type WithdrawState = FormState & { values?: { reason: string; confirmed: boolean } };

const withdrawValues = (formData: FormData) => ({ reason: formString(formData, 'reason') ?? '', confirmed: formData.get('confirmed') === 'on' });

export const withdrawProposalAction = formAction<typeof COMMANDS.withdrawProposal.schema, void, Pick<WithdrawState, 'values'>>(
  COMMANDS.withdrawProposal,
  (formData) => ({ ...proposalIdFrom(formData), ...withdrawValues(formData) }),
  {
    onSuccess: (_value, { proposalId }) => ({ redirect: `${recordPath(LIST, proposalId)}?ok=withdrawn` }),
    onFailure: (raw) => {
      const { reason, confirmed } = raw as { reason: string; confirmed: boolean };
      return { values: { reason, confirmed } };
    },
  },
);

// One-button steps of the file: they work without JavaScript (redirect with a flash).
export const startDiagnosticAction = buttonAction(COMMANDS.startDiagnostic, proposalIdFrom, {
  back,
  ok: () => 'started',
  next: (_value, { proposalId }) => recordPath(LIST, proposalId, '/diagnostic'),
});

export const reviseDiagnosticAction = buttonAction(COMMANDS.reviseDiagnostic, proposalIdFrom, {
  back,
  ok: () => 'revised',
  next: (_value, { proposalId }) => recordPath(LIST, proposalId, '/diagnostic'),
});

/** Cannot be undone: the form's "I confirm" box travels to the command, which refuses without it. */
export const scheduleReviewAction = formAction(
  COMMANDS.scheduleReview,
  (formData) => ({ ...proposalIdFrom(formData), confirmed: formData.get('confirmed') === 'on' }),
  { onSuccess: (_value, { proposalId }) => ({ redirect: `${recordPath(LIST, proposalId)}?ok=scheduled` }) },
);

export const saveDiagnosticAction: SaveAction = valuesAction(COMMANDS.saveDiagnostic, {
  onSuccess: ({ revision }, _input, t) => ({ message: t('diagnostic.saved'), revision }),
});

export const concludeDiagnosticAction: SaveAction = valuesAction(COMMANDS.concludeDiagnostic, {
  onSuccess: ({ proposalId }) => ({ redirect: `${recordPath(LIST, proposalId)}?ok=concluded` }),
});
