import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { registerEntry } from '@/db/queries/register';
import { GENESIS_HASH, isRegisterReference } from '@/lib/domain/register';
import { CAMERA_REGIMES } from '@/lib/domain/vocabulary';
import { translateKey } from '@/lib/i18n/translate';
import { OPEN_DATA_PATHS } from '@/lib/open-data/paths';
import { civilDay } from '@/lib/register-search';
import { DecommissioningNotice } from '../_components/decommissioning-notice';
import { ResidentQuestions } from '../_components/resident-questions';
import { AuthorisationSection, CamerasSection, ConditionState, LandlordDecisionSection } from '../_components/follow-up';

type Props = { params: Promise<{ reference: string }> };

/** The entry, or the public 404 for anything that is not a known reference (malformed ones never reach the database). */
// Once per request: generateMetadata and the page share it (React's cache).
const load = cache(async (reference: string) => {
  if (!isRegisterReference(reference)) notFound();
  const found = await registerEntry(publicReadDb(), reference);
  if (!found) notFound();
  return found;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { entry } = await load((await params).reference);
  const t = await getTranslations();
  return { title: t('publicRegister.entry.metaTitle', { kind: t(`publicRegister.kinds.${entry.kind}`), reference: entry.reference, site: entry.site.name }) };
}

/**
 * One entry of the register, with everything DOMAIN.md rule 7 makes public (and nothing
 * else: the entry is the public record), its place among the versions of its decision,
 * and how anyone can check that it was not altered.
 */
export default async function EntryPage({ params }: Props) {
  const [{ reference }, t, format] = await Promise.all([params, getTranslations(), getFormatter()]);
  const found = await load(reference);
  const { entry, correctedBy, versions } = found;
  const day = (iso: string) => <time dateTime={iso}>{format.dateTime(civilDay(iso), 'date')}</time>;
  const published = (iso: string) => <time dateTime={iso}>{format.dateTime(new Date(iso), 'date')}</time>;
  const euros = (n: number | null) => (n === null ? t('publicRegister.entry.notGiven') : format.number(n, 'euro'));
  const successor = correctedBy ? versions.find((v) => v.reference === correctedBy.reference) : undefined;
  const latest = versions[versions.length - 1];
  const kindWord = t(`publicRegister.kinds.${entry.kind}`);

  return (
    <>
      <p>
        <Link href="/registre">{t('publicRegister.entry.back')}</Link>
      </p>
      <h1>{t('publicRegister.entry.title', { kind: kindWord, reference: entry.reference })}</h1>
      <p className="lead">
        <Link href={`/registre/sites/${entry.site.id}`}>{entry.site.name}</Link>, {entry.site.address}
      </p>

      {/* What supersedes this entry comes first: a reader must not take a corrected text for the one in force. */}
      {correctedBy && successor ? (
        <div className="register-notice" role="note">
          <p>
            <strong>
              {t(correctedBy.kind === 'revocation' ? 'publicRegister.entry.revokedNotice' : correctedBy.kind === 'decommissioning' ? 'publicRegister.entry.decommissionedNotice' : 'publicRegister.entry.correctedNotice', {
                reference: correctedBy.reference,
                // A decommissioning states the day the camera was taken down, not the day it was published.
                date: successor.decommissionedOn ? format.dateTime(civilDay(successor.decommissionedOn), 'date') : format.dateTime(new Date(successor.publishedAt), 'date'),
              })}
            </strong>{' '}
            <Link href={`/registre/${correctedBy.reference}`}>{correctedBy.reference}</Link>
          </p>
          {successor.note ? <p>{t('publicRegister.entry.note', { note: successor.note })}</p> : null}
          {latest && latest.reference !== correctedBy.reference ? (
            <p>
              <Link href={`/registre/${latest.reference}`}>{t('publicRegister.entry.latestVersion', { reference: latest.reference })}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {entry.kind === 'decommissioning' ? <DecommissioningNotice entry={entry} /> : null}
      {entry.kind !== 'decision' && entry.kind !== 'decommissioning' && entry.corrects ? (
        <div className="notice">
          <p>
            <strong>{t(entry.kind === 'revocation' ? 'publicRegister.entry.revokesNotice' : 'publicRegister.entry.correctsNotice', { reference: entry.corrects })}</strong>{' '}
            <Link href={`/registre/${entry.corrects}`}>{entry.corrects}</Link>
          </p>
          {entry.note ? <p>{t('publicRegister.entry.note', { note: entry.note })}</p> : null}
        </div>
      ) : null}

      <p className="register-summary-lead">{entry.publicSummary}</p>

      <section aria-labelledby="decision-title">
        <h2 id="decision-title">{t('publicRegister.entry.decisionTitle')}</h2>
        <dl className="summary">
          <dt>{t('publicRegister.entry.outcome')}</dt>
          <dd>
            <strong>{t(`committee.outcomes.${entry.outcome}`)}</strong>
          </dd>
          <dt>{t('publicRegister.entry.decidedAt')}</dt>
          <dd>{day(entry.decidedAt)}</dd>
          <dt>{t('publicRegister.entry.publishedAt')}</dt>
          <dd>{published(entry.publishedAt)}</dd>
          <dt>{t('publicRegister.entry.votes')}</dt>
          <dd>
            <ul className="register-votes">
              {(['for', 'against', 'abstain', 'recused'] as const).map((k) => (
                <li key={k}>
                  {t('publicRegister.entry.pair', { label: t(`committee.tally.${k}`), value: format.number(entry.votes[k]) })}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('publicRegister.entry.conditions')}</dt>
          <dd>
            {entry.conditions.length ? (
              <ol>
                {entry.conditions.map((c, i) => (
                  <li key={i}>
                    {t('publicRegister.entry.pair', { label: t(`committee.conditionKinds.${c.kind}`), value: c.text })}
                    {c.dueDate ? <> ({t('publicRegister.entry.due', { date: format.dateTime(civilDay(c.dueDate), 'date') })})</> : null}
                    <ConditionState followUp={found.followUp.conditions[i]} />
                  </li>
                ))}
              </ol>
            ) : (
              t('publicRegister.entry.noConditions')
            )}
          </dd>
          <dt>{t('publicRegister.entry.reasons')}</dt>
          <dd>{entry.reasons}</dd>
          <dt>{t('publicRegister.entry.publicSummary')}</dt>
          <dd>{entry.publicSummary}</dd>
        </dl>
      </section>

      <AuthorisationSection item={found} />
      <LandlordDecisionSection item={found} />

      <section aria-labelledby="project-title">
        <h2 id="project-title">{t('publicRegister.entry.projectTitle')}</h2>
        <dl className="summary">
          <dt>{t('publicRegister.entry.site')}</dt>
          <dd>
            {entry.site.name}, {entry.site.address} – <Link href={`/registre/sites/${entry.site.id}`}>{t('publicRegister.entry.siteLink')}</Link>
          </dd>
          <dt>{t('publicRegister.entry.landlord')}</dt>
          <dd>{entry.site.landlord}</dd>
          <dt>{t('publicRegister.entry.cameras')}</dt>
          <dd>{format.number(entry.cameraCount)}</dd>
          <dt>{t('publicRegister.entry.regimes')}</dt>
          <dd>
            <ul>
              {CAMERA_REGIMES.filter((r) => found.followUp.cameras.some((c) => c.regime === r)).map((r) => (
                <li key={r}>{t('publicRegister.entry.regimeCount', { regime: t(`publicRegister.regimes.${r}`), count: found.followUp.cameras.filter((c) => c.regime === r).length })}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('publicRegister.entry.purposes')}</dt>
          <dd>
            <ul>
              {entry.purposes.map((p) => (
                <li key={p}>{translateKey(t, `purposes.${p}`)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('publicRegister.entry.retention')}</dt>
          <dd>{t('publicRegister.entry.retentionDays', { count: entry.retentionDays })}</dd>
          <dt>{t('publicRegister.entry.masking')}</dt>
          <dd>{entry.privacyMasking ? t('publicRegister.entry.maskingYes', { count: entry.maskedCameraCount }) : t('publicRegister.entry.maskingNo')}</dd>
          <dt>{t('publicRegister.entry.investment')}</dt>
          <dd>{euros(entry.investmentEuros)}</dd>
          <dt>{t('publicRegister.entry.yearlyCost')}</dt>
          <dd>{euros(entry.yearlyCostEuros)}</dd>
        </dl>
      </section>

      <section aria-labelledby="diagnostic-title">
        <h2 id="diagnostic-title">{t('publicRegister.entry.diagnosticTitle')}</h2>
        <dl className="summary">
          <dt>{t('publicRegister.entry.conclusion')}</dt>
          <dd>{t(`diagnostic.conclusions.${entry.diagnosticConclusion}`)}</dd>
          <dt>{t('publicRegister.entry.diagnosticSummary')}</dt>
          <dd>{entry.diagnosticSummary}</dd>
        </dl>
      </section>

      <CamerasSection item={found} />

      <ResidentQuestions reference={entry.reference} />

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t('publicRegister.entry.versionsTitle')}</h2>
        <p>{t('publicRegister.entry.versionsHelp')}</p>
        <ol className="timeline">
          {versions.map((v) => (
            <li key={v.reference}>
              {v.reference === entry.reference ? (
                <strong aria-current="page">
                  {v.reference} ({t('publicRegister.entry.thisPage')})
                </strong>
              ) : (
                <Link href={`/registre/${v.reference}`}>{v.reference}</Link>
              )}{' '}
              – {t('publicRegister.entry.version', { kind: t(`publicRegister.kinds.${v.kind}`), date: format.dateTime(new Date(v.publishedAt), 'date') })}
              {v.note ? <span className="version-note">{t('publicRegister.entry.note', { note: v.note })}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="integrity-title">
        <h2 id="integrity-title">{t('publicRegister.entry.integrityTitle')}</h2>
        <dl className="summary">
          <dt>{t('publicRegister.entry.hash')}</dt>
          <dd>
            <code className="hash">{entry.hash}</code>
          </dd>
          <dt>{t('publicRegister.entry.previousHash')}</dt>
          <dd>
            <code className="hash">{entry.previousHash}</code>
            {entry.previousHash === GENESIS_HASH ? <span className="version-note">{t('publicRegister.entry.genesis')}</span> : null}
          </dd>
        </dl>
        <p>{t('publicRegister.entry.integrityHelp')}</p>
        <ol>
          <li>
            {t('publicRegister.entry.howTo.download')} <a href={OPEN_DATA_PATHS.entry(entry.reference)}>{t('publicRegister.entry.json')}</a>
          </li>
          <li>{t('publicRegister.entry.howTo.strip')}</li>
          <li>{t('publicRegister.entry.howTo.canonical')}</li>
          <li>{t('publicRegister.entry.howTo.digest')}</li>
        </ol>
        <p>
          <a href={OPEN_DATA_PATHS.verify}>{t('publicRegister.entry.verify')}</a>
        </p>
      </section>
    </>
  );
}
