import Link from 'next/link';
import { LOCALES } from '@/lib/i18n/config';
import { ACCESSIBILITY_STATUS, OPEN_LICENCE } from '@/lib/legal-contacts';
import { getLocale, getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          {t('footer.about')} {t('footer.openSource')}
        </p>
        {/* A plain form: switching language works without JavaScript. */}
        <form method="post" action="/langue" className="lang-switch" aria-label={t('common.languageSwitch')}>
          {/* The colon is in the catalog: French puts a no-break space before it, English none. */}
          <span id="lang-label">{t('footer.language')}</span>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="submit"
              name="locale"
              value={l}
              lang={l}
              className={l === locale ? undefined : 'secondary'}
              aria-pressed={l === locale}
              aria-describedby="lang-label"
            >
              {t(`common.languageNames.${l}`)}
            </button>
          ))}
        </form>
        <p>
          <Link href="/etat">{t('footer.health')}</Link>
        </p>
        {/* The legal mentions every public site owes its readers; RGAA asks for the conformity status in the link itself. */}
        <nav aria-label={t('legalLinks.label')} className="footer-legal">
          <ul>
            <li>
              <Link href="/accessibilite">{t('legalLinks.accessibility', { status: t(`accessibility.status.${ACCESSIBILITY_STATUS}`) })}</Link>
            </li>
            <li>
              <Link href="/donnees-personnelles">{t('legalLinks.privacy')}</Link>
            </li>
            <li>
              <a href={OPEN_LICENCE.url} hrefLang="fr">
                {t('legalLinks.openData', { licence: OPEN_LICENCE.name })}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
