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
              {/* A full page load: the map's page and the staff area have their own Content-Security-Policy (the tiles' origin), and a client-side navigation would keep this page's. */}
              <a href="/carte">{t('publicRegister.nav.map')}</a>
            </li>
            <li>
              <Link href="/rapport">{t('publicRegister.nav.report')}</Link>
            </li>
            {actor ? (
              <>
                <li>
                  {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose: the staff area's own CSP */}
                  <a href="/espace">{t('header.staffArea')}</a>
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
                <a href="/connexion">{t('header.signIn')}</a>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
