'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from './actions';

interface Props {
  retour: string;
  labels: { email: string; emailHint: string; password: string; submit: string; required: string };
}

/** Works without JavaScript too: the form posts to the server action. */
export function SignInForm({ retour, labels }: Props) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={formAction} noValidate>
      {state.error ? (
        <div className="alert error" role="alert" id="sign-in-error">
          {state.error}
        </div>
      ) : null}
      <input type="hidden" name="retour" value={retour} />
      <div className="field">
        <label htmlFor="email">
          {labels.email} <abbr title={labels.required}>*</abbr>
        </label>
        <span className="hint" id="email-hint">
          {labels.emailHint}
        </span>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-describedby={state.error ? 'email-hint sign-in-error' : 'email-hint'}
          aria-invalid={state.error ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">
          {labels.password} <abbr title={labels.required}>*</abbr>
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={state.error ? true : undefined} />
      </div>
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
