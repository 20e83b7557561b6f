'use server';

import { AuthError } from 'next-auth';
import { OIDC_PROVIDER_ID, RateLimited, signIn, signOut } from '@/auth';
import { retryAfterError } from '@/lib/auth/sign-in';
import { translateFieldError } from '@/lib/forms';
import { getTranslations } from 'next-intl/server';
import { safeReturnPath } from '@/lib/safe-return-path';

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations();
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const redirectTo = safeReturnPath(formData.get('retour'), '/espace');
  try {
    await signIn('credentials', { email, password: String(formData.get('password') ?? ''), redirectTo });
    return {};
  } catch (err) {
    if (err instanceof RateLimited) return { error: translateFieldError(t, retryAfterError(err.retryAfterSeconds)), email };
    if (err instanceof AuthError) {
      if (err.type !== 'CredentialsSignin') console.error('[sign-in] failed:', err);
      return { error: err.type === 'CredentialsSignin' ? t('signIn.failed') : t('errors.internal'), email };
    }
    throw err; // the redirect after a successful sign-in
  }
}

export async function signInWithCityAction(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeReturnPath(formData.get('retour'), '/espace') });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/connexion?deconnecte=1' });
}
