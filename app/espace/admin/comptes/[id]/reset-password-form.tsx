'use client';

import { useActionState } from 'react';
import { FormAlert, TextField } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/forms';
import { resetPasswordAction } from '../actions';

export function ResetPasswordForm({ userId, labels }: { userId: string; labels: Record<'password' | 'hint' | 'submit' | 'required', string> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  return (
    <form action={formAction} noValidate key={state.ok ? 'done' : 'editing'}>
      {state.message ? <FormAlert kind={state.ok ? 'success' : 'error'}>{state.message}</FormAlert> : null}
      <input type="hidden" name="userId" value={userId} />
      <TextField id="reset-password" name="password" type="password" autoComplete="new-password" label={labels.password} hint={labels.hint} required requiredLabel={labels.required} error={state.fieldErrors?.password} />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
