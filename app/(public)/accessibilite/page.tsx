import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ACCESSIBILITY_LAW_REFERENCE } from '@/lib/domain/legal';
import { ACCESSIBILITY_STATEMENT_DATE, ACCESSIBILITY_STATUS, CITY_CONTACTS, DEFENSEUR_DES_DROITS } from '@/lib/legal-contacts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('accessibility.title') };
}

const RESULTS = ['axe', 'keyboard', 'reflow', 'noScript', 'print'] as const;
const NON_COMPLIANCE = ['map', 'cameraMap', 'unknown'] as const;
const PAGES = ['home', 'register', 'map', 'report', 'accessibility', 'privacy', 'status', 'signIn', 'staff'] as const;

/** A rich-text tag that links to a French-language site outside Vigie. */
function externalLink(href: string) {
  return function ExternalLink(chunks: ReactNode) {
    return (
      <a href={href} hrefLang="fr">
        {chunks}
      </a>
    );
  };
}

/**
 * The accessibility statement every French public body's site must publish (loi
 * 2005-102, art. 47), in the order of the RGAA 4.1 model: commitment, conformity status,
 * test results, non-accessible content, how the statement was made, feedback, recourse.
 * The status is "non conforme" until an audit says otherwise (lib/legal-contacts.ts).
 */
export default async function AccessibilityStatement() {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const status = t(`accessibility.status.${ACCESSIBILITY_STATUS}`);
  return (
    <article className="prose">
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.commitment', { law: ACCESSIBILITY_LAW_REFERENCE.citation })}</p>
      <p>{t('accessibility.scope')}</p>
      <p>{t('accessibility.strategy')}</p>

      <h2>{t('accessibility.statusHeading')}</h2>
      <p>{t.rich('accessibility.statusText', { status, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p>{t('accessibility.statusWhy')}</p>

      <h2>{t('accessibility.resultsHeading')}</h2>
      <p>{t('accessibility.resultsIntro')}</p>
      <ul>
        {RESULTS.map((r) => (
          <li key={r}>{t(`accessibility.results.${r}`)}</li>
        ))}
      </ul>
      <p>{t('accessibility.resultsLimit')}</p>

      <h2>{t('accessibility.contentHeading')}</h2>
      <h3>{t('accessibility.nonComplianceHeading')}</h3>
      <ul>
        {NON_COMPLIANCE.map((item) => (
          <li key={item}>{t(`accessibility.nonCompliance.${item}`)}</li>
        ))}
      </ul>
      <h3>{t('accessibility.derogationsHeading')}</h3>
      <p>{t('accessibility.derogations')}</p>
      <h3>{t('accessibility.exemptHeading')}</h3>
      <p>{t('accessibility.exempt')}</p>

      <h2>{t('accessibility.establishmentHeading')}</h2>
      <p>{t('accessibility.establishedOn', { date: format.dateTime(new Date(`${ACCESSIBILITY_STATEMENT_DATE}T12:00:00Z`), 'date') })}</p>
      <h3>{t('accessibility.technologiesHeading')}</h3>
      <p>{t('accessibility.technologies')}</p>
      <h3>{t('accessibility.environmentHeading')}</h3>
      <p>{t('accessibility.environment')}</p>
      <h3>{t('accessibility.toolsHeading')}</h3>
      <p>{t('accessibility.tools')}</p>
      <h3>{t('accessibility.pagesHeading')}</h3>
      <ul>
        {PAGES.map((p) => (
          <li key={p}>{t(`accessibility.pages.${p}`)}</li>
        ))}
      </ul>

      <h2>{t('accessibility.feedbackHeading')}</h2>
      <p>{t('accessibility.feedback')}</p>
      <ul>
        <li>{t.rich('accessibility.feedbackEmail', { email: CITY_CONTACTS.accessibilityEmail, mail: (chunks) => <a href={`mailto:${CITY_CONTACTS.accessibilityEmail}`}>{chunks}</a> })}</li>
        <li>{t('accessibility.feedbackPost', { address: CITY_CONTACTS.postalAddress })}</li>
      </ul>

      <h2>{t('accessibility.recourseHeading')}</h2>
      <p>{t('accessibility.recourse')}</p>
      <ul>
        <li>{t.rich('accessibility.recourseForm', { link: externalLink(DEFENSEUR_DES_DROITS.form) })}</li>
        <li>{t.rich('accessibility.recourseDelegate', { link: externalLink(DEFENSEUR_DES_DROITS.delegates) })}</li>
        <li>{t('accessibility.recoursePhone', { phone: DEFENSEUR_DES_DROITS.phone })}</li>
        <li>{t('accessibility.recoursePost', { address: DEFENSEUR_DES_DROITS.postalAddress })}</li>
      </ul>
    </article>
  );
}
