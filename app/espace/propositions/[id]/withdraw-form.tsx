'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, TextAreaField } from '@/app/_components/form-fields';
import { withdrawProposalAction, type WithdrawState } from '../actions';
import { ConfirmBox } from './confirm-box';

type Labels = Record<'reason' | 'help' | 'submit' | 'required' | 'confirm', string>;

/** Withdrawal cannot be undone: a reason, and a box to confirm that the server checks. Works without JavaScript. */
export function WithdrawForm({ proposalId, labels }: { proposalId: string; labels: Labels }) {
  const [state, formAction, pending] = useActionState<WithdrawState, FormData>(withdrawProposalAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary items={summaryItems(errors, (path) => (path === 'confirmed' ? 'withdraw-confirmed' : path))} focusKey={state} />
      {state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <TextAreaField id="reason" name="reason" label={labels.reason} hint={labels.help} required requiredLabel={labels.required} error={errors.reason} rows={3} defaultValue={state.values?.reason} />
      <ConfirmBox id="withdraw-confirmed" label={labels.confirm} error={errors.confirmed} defaultChecked={state.values?.confirmed} />
      <button type="submit" className="danger" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
