'use client';

import { useActionState } from 'react';
import { FormAlert, TextAreaField } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/forms';
import { withdrawProposalAction } from '../actions';

export function WithdrawForm({ proposalId, labels }: { proposalId: string; labels: Record<'reason' | 'help' | 'submit' | 'required', string> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(withdrawProposalAction, {});
  return (
    <form action={formAction} noValidate>
      {state.message ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <TextAreaField id="reason" name="reason" label={labels.reason} hint={labels.help} required requiredLabel={labels.required} error={state.fieldErrors?.reason} rows={3} />
      <button type="submit" className="danger" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
