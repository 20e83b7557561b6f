import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { TableRegion } from '@/app/_components/table-region';
import {
  AUTHORISATION_REFERENCE,
  CNIL_HOUSING_REFERENCE,
  DATA_SUBJECT_RIGHTS_REFERENCE,
  LANDLORD_BASIS_REFERENCE,
  MASKING_REFERENCE,
  POLICE_TRANSMISSION_REFERENCE,
  PURPOSES_REFERENCE,
  RETENTION_MAX_REFERENCE,
  SIGNAGE_REFERENCES,
  SILENCE_REFERENCE,
  VALIDITY_REFERENCE,
  VIDEO_COMMISSION_REFERENCE,
} from '@/lib/domain/legal';
import { CAMERA_REGIMES } from '@/lib/domain/vocabulary';
import { CITY_CONTACTS, CNIL, OPEN_LICENCE } from '@/lib/legal-contacts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('privacy.title') };
}

const KEEPS = ['accounts', 'signIn', 'audit', 'files', 'questions', 'notices', 'cookies'] as const;
const RETENTION = ['images', 'signIn', 'session', 'language', 'records', 'questions', 'register'] as const;

/** A rich-text tag that writes an email address as a mailto link. */
function mail(address: string) {
  return function MailLink(chunks: ReactNode) {
    return <a href={`mailto:${address}`}>{chunks}</a>;
  };
}

/**
 * Personal data, in plain words: who is responsible, what Vigie keeps (and that it holds
 * no image), what the public register shows and never shows, residents' rights over the
 * cameras' images and where to turn, and how long each thing is kept. The durations are
 * the code's own: sign-in attempts (lib/auth/sign-in.ts), session (auth.config.ts),
 * language cookie (app/langue/route.ts).
 */
export default async function PersonalDataPage() {
  const t = await getTranslations();
  const retention = RETENTION_MAX_REFERENCE.citation;
  // Every article the regimes' table cites, from the one table of legal references.
  const citations = {
    purposes: PURPOSES_REFERENCE.citation,
    authorisation: AUTHORISATION_REFERENCE.citation,
    validity: VALIDITY_REFERENCE.citation,
    silence: SILENCE_REFERENCE.citation,
    masking: MASKING_REFERENCE.citation,
    cnilHousing: CNIL_HOUSING_REFERENCE.citation,
    basis: LANDLORD_BASIS_REFERENCE.citation,
    police: POLICE_TRANSMISSION_REFERENCE.citation,
    retention,
    signage: SIGNAGE_REFERENCES.map((r) => r.citation).join(' ; '),
  };
  return (
    <article className="prose">
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.lead')}</p>
      <p className="notice">{t('privacy.demo')}</p>

      <h2>{t('privacy.controllerHeading')}</h2>
      <p>{t('privacy.controllerCameras', { authorisation: AUTHORISATION_REFERENCE.citation })}</p>
      <p>{t('privacy.controllerApp')}</p>
      <p>{t.rich('privacy.dpo', { email: CITY_CONTACTS.dpoEmail, address: CITY_CONTACTS.postalAddress, mail: mail(CITY_CONTACTS.dpoEmail) })}</p>

      <h2 id="cadres">{t('privacy.regimesHeading')}</h2>
      <p>{t('privacy.regimesIntro')}</p>
      <TableRegion labelledBy="cadres-caption">
        <table>
          <caption id="cadres-caption">{t('privacy.regimesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.regimeColumns.regime')}</th>
              <th scope="col">{t('privacy.regimeColumns.controller')}</th>
              <th scope="col">{t('privacy.regimeColumns.procedure')}</th>
              <th scope="col">{t('privacy.regimeColumns.masking')}</th>
            </tr>
          </thead>
          <tbody>
            {CAMERA_REGIMES.map((r) => (
              <tr key={r}>
                <th scope="row">{t(`privacy.regimes.${r}.name`)}</th>
                <td>{t(`privacy.regimes.${r}.controller`, citations)}</td>
                <td>{t(`privacy.regimes.${r}.procedure`, citations)}</td>
                <td>{t(`privacy.regimes.${r}.masking`, citations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p>{t('privacy.regimesCommon', citations)}</p>
      <p>{t('privacy.regimesWords', citations)}</p>

      <h2>{t('privacy.noImagesHeading')}</h2>
      <p>{t('privacy.noImages', { retention })}</p>

      <h2>{t('privacy.keepsHeading')}</h2>
      <ul>
        {KEEPS.map((k) => (
          <li key={k}>{t(`privacy.keeps.${k}`)}</li>
        ))}
      </ul>

      <h2>{t('privacy.publicHeading')}</h2>
      <p>{t('privacy.publicHolds')}</p>
      <p>{t('privacy.publicNever')}</p>
      <p>{t('privacy.publicForever', { licence: OPEN_LICENCE.name })}</p>

      <h2>{t('privacy.rightsHeading')}</h2>
      <p>{t('privacy.rightsAccess')}</p>
      <p>{t('privacy.rightsLaw', { rights: DATA_SUBJECT_RIGHTS_REFERENCE.citation })}</p>
      <p>{t('privacy.rightsCommission', { commission: VIDEO_COMMISSION_REFERENCE.citation })}</p>
      <p>
        {t.rich('privacy.rightsCnil', {
          address: CNIL.postalAddress,
          link: (chunks) => (
            <a href={CNIL.complaints} hrefLang="fr">
              {chunks}
            </a>
          ),
        })}
      </p>
      <p>{t('privacy.rightsApp')}</p>

      <h2>{t('privacy.askHeading')}</h2>
      <p>{t.rich('privacy.ask', { email: CITY_CONTACTS.dpoEmail, address: CITY_CONTACTS.postalAddress, mail: mail(CITY_CONTACTS.dpoEmail) })}</p>

      <h2 id="durees">{t('privacy.retentionHeading')}</h2>
      <TableRegion labelledBy="durees">
        <table>
          <caption>{t('privacy.retentionCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.data')}</th>
              <th scope="col">{t('privacy.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION.map((r) => (
              <tr key={r}>
                <th scope="row">{t(`privacy.retention.${r}`)}</th>
                <td>{t(`privacy.retention.${r}Value`, { retention })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </article>
  );
}
