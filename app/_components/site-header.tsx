import Link from 'next/link';
import { signOutAction } from '@/app/connexion/actions';
import { currentActor } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';

export async function SiteHeader() {
  const [t, actor] = await Promise.all([getTranslations(), currentActor()]);
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand">
          {t('common.appName')}
          <small>{t('common.city')}</small>
        </Link>
        <nav aria-label={t('common.mainNav')} className="header-nav">
          <ul>
            <li>
              <Link href="/">{t('header.home')}</Link>
            </li>
            <li>
              <Link href="/registre">{t('publicRegister.nav.register')}</Link>
            </li>
            <li>
              <Link href="/carte">{t('publicRegister.nav.map')}</Link>
            </li>
            <li>
              <Link href="/rapport">{t('publicRegister.nav.report')}</Link>
            </li>
            {actor ? (
              <>
                <li>
                  <Link href="/espace">{t('header.staffArea')}</Link>
                </li>
                <li className="header-user">{t('header.signedInAs', { name: actor.name })}</li>
                <li>
                  <form action={signOutAction} className="inline-form">
                    <button type="submit" className="link">
                      {t('header.signOut')}
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/connexion">{t('header.signIn')}</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
