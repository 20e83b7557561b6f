import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { env, oidcConfigured } from '@/lib/env';
import { getTranslations } from 'next-intl/server';
import { safeReturnPath } from '@/lib/safe-return-path';
import { signInWithCityAction } from './actions';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('signIn.title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const retour = safeReturnPath(params.retour, '/espace');
  if (await currentActor()) redirect(retour);
  const t = await getTranslations();
  const e = env();
  return (
    <div style={{ maxWidth: '34rem' }}>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {params.deconnecte ? (
        <div className="alert success" role="status">
          {t('signIn.signedOut')}
        </div>
      ) : null}
      {/* next-auth sends failed SSO attempts back here with ?error=… (AccessDenied: refused by our signIn callback). */}
      {typeof params.error === 'string' ? (
        <div className="alert error" role="alert">
          {params.error === 'AccessDenied' ? t('signIn.ssoRefused') : t('signIn.failed')}
        </div>
      ) : null}
      {oidcConfigured(e) ? (
        <>
          <form action={signInWithCityAction}>
            <input type="hidden" name="retour" value={retour} />
            <button type="submit" className="secondary">
              {t('signIn.oidc', { name: e.AUTH_OIDC_NAME ?? t('signIn.oidcDefaultName') })}
            </button>
          </form>
          <p>{t('signIn.or')}</p>
        </>
      ) : null}
      <p>{t('common.requiredFieldsNote')}</p>
      <SignInForm
        retour={retour}
        labels={{
          email: t('signIn.email'),
          emailHint: t('signIn.emailHint'),
          password: t('signIn.password'),
          submit: t('signIn.submit'),
          required: t('common.required'),
        }}
      />
    </div>
  );
}
