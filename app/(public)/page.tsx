import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const STEPS = ['proposal', 'diagnostic', 'review', 'decision'] as const;
const RULES = ['retention', 'privacy', 'purposes'] as const;

export default async function HomePage() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.lead')}</p>

      {/* Residents come for the decisions: a search box that lands on the register (a plain GET, no JavaScript needed). */}
      <section aria-labelledby="home-register-title" className="card home-register">
        <h2 id="home-register-title">{t('publicRegister.home.heading')}</h2>
        <p>{t('publicRegister.home.text')}</p>
        <form method="get" action="/registre" role="search" aria-labelledby="home-register-title" className="search-row">
          <div className="field">
            <label htmlFor="home-register-q">{t('publicRegister.home.searchLabel')}</label>
            <input id="home-register-q" name="q" type="search" maxLength={200} />
          </div>
          <button type="submit">{t('publicRegister.home.search')}</button>
        </form>
        <p>
          <Link href="/registre">{t('publicRegister.home.browse')}</Link>
        </p>
      </section>

      <h2>{t('home.stepsHeading')}</h2>
      <ol className="steps">
        {STEPS.map((s) => (
          <li key={s}>{t(`home.steps.${s}`)}</li>
        ))}
      </ol>

      <h2>{t('home.rulesHeading')}</h2>
      <ul>
        {RULES.map((r) => (
          <li key={r}>{t(`home.rules.${r}`)}</li>
        ))}
      </ul>

      <h2>{t('home.whyHeading')}</h2>
      <p style={{ maxWidth: '48rem' }}>{t('home.whyText')}</p>

      <h2>{t('home.staffHeading')}</h2>
      <p>
        {/* A full page load, for the staff area's own Content-Security-Policy (lib/security-headers.ts). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose: the staff area's own CSP */}
        <a href="/espace">{t('home.staffLink')}</a>
      </p>
    </>
  );
}
