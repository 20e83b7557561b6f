'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, TextField } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/forms';
import { changeOwnPasswordAction } from './actions';

interface Props {
  labels: Record<'currentPassword' | 'newPassword' | 'newPasswordHint' | 'confirmPassword' | 'submit' | 'required', string>;
}

export function ChangePasswordForm({ labels }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(changeOwnPasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    // key: a successful change empties the fields.
    <form action={formAction} noValidate key={state.ok ? 'done' : 'editing'}>
      <ErrorSummary items={summaryItems(errors)} focusKey={state} />
      {state.message && (state.ok || !Object.keys(errors).length) ? <FormAlert kind={state.ok ? 'success' : 'error'}>{state.message}</FormAlert> : null}
      <TextField id="currentPassword" type="password" autoComplete="current-password" label={labels.currentPassword} required requiredLabel={labels.required} error={errors.currentPassword} />
      <TextField id="newPassword" type="password" autoComplete="new-password" label={labels.newPassword} hint={labels.newPasswordHint} required requiredLabel={labels.required} error={errors.newPassword} />
      <TextField id="confirmPassword" type="password" autoComplete="new-password" label={labels.confirmPassword} required requiredLabel={labels.required} error={errors.confirmPassword} />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
