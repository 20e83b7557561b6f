'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, TextField } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/forms';
import { resetPasswordAction } from '../actions';

export function ResetPasswordForm({ userId, labels }: { userId: string; labels: Record<'password' | 'hint' | 'submit' | 'required', string> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate key={state.ok ? 'done' : 'editing'}>
      <ErrorSummary items={summaryItems(errors, (path) => (path === 'password' ? 'reset-password' : path))} focusKey={state} />
      {state.message && (state.ok || !Object.keys(errors).length) ? <FormAlert kind={state.ok ? 'success' : 'error'}>{state.message}</FormAlert> : null}
      <input type="hidden" name="userId" value={userId} />
      <TextField id="reset-password" name="password" type="password" autoComplete="new-password" label={labels.password} hint={labels.hint} required requiredLabel={labels.required} error={errors.password} />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
