import { dayInWords } from '@/app/_components/audit-timeline';
import { fileSizeInWords } from '@/app/_components/file-size';
import { TableRegion } from '@/app/_components/table-region';
import type { DocumentSummary } from '@/db/queries/stored-files';
import type { Diagnostic } from '@/db/schema';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ACTORS, ALTERNATIVES } from '@/lib/validation/diagnostics';

/** A diagnostic as read by staff: every section, in the order of the form; the impact assessment's document through the access-checked route. */
export async function DiagnosticView({ d, signerName, dpiaDocument }: { d: Diagnostic; signerName: string | null; dpiaDocument: DocumentSummary | null }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const text = (v: string) => v || t('proposals.notGiven');
  return (
    <>
      <p>
        <strong>{t('diagnostic.version', { version: d.version })}</strong> –{' '}
        {d.state === 'concluded' && d.signedAt
          ? t('diagnostic.concludedState', { date: format.dateTime(d.signedAt, 'long'), name: signerName ?? t('audit.system') })
          : t('diagnostic.draftState')}
      </p>
      <h3 id={`facts-title-${d.id}`}>{t('diagnostic.factsTitle')}</h3>
      {d.delinquencyFacts.length ? (
        // Named by the heading above: a caption would only repeat it.
        <TableRegion labelledBy={`facts-title-${d.id}`}>
          <table aria-labelledby={`facts-title-${d.id}`}>
            <thead>
              <tr>
                <th scope="col">{t('diagnostic.factType')}</th>
                <th scope="col">{t('diagnostic.factYear')}</th>
                <th scope="col">{t('diagnostic.factCount')}</th>
              </tr>
            </thead>
            <tbody>
              {d.delinquencyFacts.map((f, i) => (
                <tr key={i}>
                  <th scope="row">{t(`diagnostic.factTypes.${f.type}`)}</th>
                  <td>{f.year ?? t('proposals.notGiven')}</td>
                  <td>{f.count ?? t('proposals.notGiven')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('proposals.notGiven')}</p>
      )}
      <dl className="summary">
        <dt>{t('diagnostic.siteDescription')}</dt>
        <dd>{text(d.siteDescription)}</dd>
        {ACTORS.map((a) => (
          <div key={a}>
            <dt>
              {t('diagnostic.actorsTitle')} – {t(`diagnostic.actors.${a}`)}
            </dt>
            <dd>{text(d.actorsConsulted[a])}</dd>
          </div>
        ))}
        {ALTERNATIVES.map((a) => (
          <div key={a}>
            <dt>
              {t('diagnostic.alternativesTitle')} – {t(`diagnostic.alternatives.${a}`)}
            </dt>
            <dd>{text(d.alternatives[a])}</dd>
          </div>
        ))}
        {(['proportionality', 'privacyRisks', 'expectedEffect', 'costAssessment'] as const).map((f) => (
          <div key={f}>
            <dt>{t(`diagnostic.${f}`)}</dt>
            <dd>{text(d[f])}</dd>
          </div>
        ))}
        <dt>{t('diagnostic.dpiaStatus')}</dt>
        <dd>{d.dpiaStatus ? t(`diagnostic.dpiaStatuses.${d.dpiaStatus}`) : t('proposals.notGiven')}</dd>
        {d.dpiaStatus === 'completed' ? (
          <>
            <dt>{t('diagnostic.dpia.documentLabel')}</dt>
            <dd>
              {dpiaDocument ? (
                <a href={`/espace/fichiers/${dpiaDocument.id}`}>
                  {t('diagnostic.dpia.download', { name: dpiaDocument.fileName })} ({fileSizeInWords(format, dpiaDocument.byteSize)})
                </a>
              ) : (
                t('proposals.notGiven')
              )}
            </dd>
            <dt>{t('diagnostic.dpia.dpoOpinionView', { date: d.dpoOpinionOn ? dayInWords(format, d.dpoOpinionOn) : t('proposals.notGiven') })}</dt>
            <dd>{text(d.dpoOpinion ?? '')}</dd>
          </>
        ) : null}
        {d.dpiaStatus === 'not_required' ? (
          <>
            <dt>{t('diagnostic.dpia.notRequiredReason')}</dt>
            <dd>{text(d.dpiaNotRequiredReason ?? '')}</dd>
          </>
        ) : null}
        <dt>{t('diagnostic.publicSummary')}</dt>
        <dd>{text(d.publicSummary)}</dd>
        <dt>{t('diagnostic.conclusion')}</dt>
        <dd>{d.conclusion ? t(`diagnostic.conclusions.${d.conclusion}`) : t('proposals.notGiven')}</dd>
        {d.conditions ? (
          <>
            <dt>{t('diagnostic.conditions')}</dt>
            <dd>{d.conditions}</dd>
          </>
        ) : null}
        {d.evaluationComparison ? (
          <>
            <dt>{t('observatory.diagnostic.comparisonLabel')}</dt>
            <dd>{d.evaluationComparison}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
