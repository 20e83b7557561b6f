import type { Metadata } from 'next';
import Link from 'next/link';
import { AUTHORISATION_REFERENCE, VALIDITY_REFERENCE } from '@/lib/domain/legal';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TableRegion } from '@/app/_components/table-region';
import { publicReadDb } from '@/db/client';
import { annualReport, reportYears, type AnnualReport } from '@/db/queries/annual-report';
import { parisDate } from '@/lib/domain/paris-time';
import { DIAGNOSTIC_CONCLUSIONS, type DiagnosticConclusion, type PublishedOutcome } from '@/lib/domain/vocabulary';
import { parseReportYear } from '@/lib/validation/annual-report';
import { BarChart, type Bar } from '../bar-chart';
import { ResidentQuestionsReport } from '../resident-questions-report';
import { ObservatoryReportSection } from '../observatory-section';

// Read from the database on every request (never at build time).
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ annee: string }> };

const currentYear = () => Number(parisDate(new Date()).slice(0, 4));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ annee }, t] = await Promise.all([params, getTranslations()]);
  const year = parseReportYear(annee, currentYear());
  return { title: year === null ? t('pages.notFoundTitle') : t('annualReport.title', { year }) };
}

const OUTCOME_TONE: Record<PublishedOutcome, Bar['tone']> = { favourable: 'ok', favourable_with_conditions: 'brand', unfavourable: 'error' };
const CONCLUSION_TONE: Record<DiagnosticConclusion, Bar['tone']> = { opportune: 'ok', opportune_with_conditions: 'brand', not_opportune: 'error' };

/** The address the reader used (for the printed copy only: nothing is trusted from it). */
async function requestOrigin(): Promise<string | null> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host || !/^[\w.:[\]-]+$/.test(host)) return null;
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

function isEmpty(r: AnnualReport): boolean {
  return r.filesReceived + r.decisionsTotal + Object.values(r.diagnostics).reduce((a, b) => a + b, 0) + r.correctionsPublished + r.revocationsPublished + r.decommissioningsPublished + r.reReviewsDueNextYear === 0;
}

/**
 * The committee's annual report: what it received, diagnosed, decided and authorised in a
 * calendar year (Paris time), from aggregates only (db/queries/annual-report.ts). Charts
 * are SVG images with a text alternative, each beside a table of the same numbers; the
 * page prints cleanly (app/globals.css, "Annual report" print rules).
 */
export default async function AnnualReportPage({ params }: Params) {
  const { annee } = await params;
  const thisYear = currentYear();
  const year = parseReportYear(annee, thisYear);
  if (year === null) notFound();
  const db = publicReadDb();
  const [t, format, report, years, origin] = await Promise.all([getTranslations(), getFormatter(), annualReport(db, year), reportYears(db), requestOrigin()]);
  const n = (value: number) => format.number(value);
  const euros = (value: number) => format.number(value, 'euro');
  const nextYear = year + 1;
  const countedOn = format.dateTime(new Date(`${report.cameras.countedOn}T12:00:00Z`), 'date');
  const otherYears = [...new Set([thisYear, ...years])].filter((y) => y <= thisYear).sort((a, b) => b - a);

  const decisionBars: Bar[] = report.decisions.map((d) => ({ label: t(`committee.outcomes.${d.outcome}`), value: d.count, display: n(d.count), tone: OUTCOME_TONE[d.outcome] }));
  const diagnosticBars: Bar[] = DIAGNOSTIC_CONCLUSIONS.map((c) => ({ label: t(`diagnostic.conclusions.${c}`), value: report.diagnostics[c], display: n(report.diagnostics[c]), tone: CONCLUSION_TONE[c] }));
  const alternative = (title: string, bars: Bar[]) => `${title}. ${format.list(bars.map((b) => t('annualReport.chartItem', { label: b.label, count: b.display })))}.`;
  const diagnosticsTotal = diagnosticBars.reduce((sum, b) => sum + b.value, 0);

  return (
    <article className="annual-report">
      <h1>{t('annualReport.title', { year })}</h1>
      <p className="lead">{t('annualReport.lead', { year })}</p>
      {year === thisYear && <p className="notice">{t('annualReport.ongoing', { year, date: format.dateTime(new Date(), 'date') })}</p>}
      <p className="no-print">{t('annualReport.printHint')}</p>
      {/* On paper, where this report and the register live. */}
      {origin && <p className="print-only">{t('annualReport.printedFrom', { url: `${origin}/rapport/${year}`, register: `${origin}/registre` })}</p>}

      <nav aria-labelledby="rapport-annees" className="report-years">
        <h2 id="rapport-annees">{t('annualReport.yearsNav')}</h2>
        <ul>
          {otherYears.map((y) => (
            <li key={y}>
              <Link href={`/rapport/${y}`} aria-current={y === year ? 'page' : undefined}>
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {isEmpty(report) ? (
        <p>{t('annualReport.empty', { year })}</p>
      ) : (
        <>
          <h2 id="chiffres">{t('annualReport.keyFigures')}</h2>
          <TableRegion labelledBy="chiffres">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('annualReport.figure')}</th>
                  <th scope="col" className="number">
                    {t('annualReport.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[
                  ['filesReceived', n(report.filesReceived)],
                  ['notOpportune', n(report.diagnostics.not_opportune)],
                  ['decisions', n(report.decisionsTotal)],
                  ['cameras', n(report.favourable.cameras)],
                  ['camerasAuthorised', n(report.cameras.authorised)],
                  ['camerasInService', n(report.cameras.inService)],
                  ['investment', euros(report.favourable.investmentEuros)],
                  ['yearlyCost', euros(report.favourable.yearlyCostEuros)],
                  ['reReviews', n(report.reReviewsDueNextYear)],
                ].map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{t(`annualReport.figures.${key as 'filesReceived'}`, { nextYear, date: countedOn })}</th>
                    <td className="number">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>

          <h2>{t('annualReport.decisionsHeading')}</h2>
          {report.decisionsTotal === 0 ? (
            <p>{t('annualReport.noDecisions', { year })}</p>
          ) : (
            <div className="chart-pair">
              <BarChart id="chart-decisions" title={t('annualReport.decisionsChart', { year })} alternative={alternative(t('annualReport.decisionsChart', { year }), decisionBars)} bars={decisionBars} />
              <TableRegion labelledBy="table-decisions">
                <table className="report-table">
                  <caption id="table-decisions">{t('annualReport.decisionsChart', { year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('annualReport.outcome')}</th>
                      <th scope="col" className="number">
                        {t('annualReport.count')}
                      </th>
                      <th scope="col" className="number">
                        {t('annualReport.revoked')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.decisions.map((d) => (
                      <tr key={d.outcome}>
                        <th scope="row">{t(`committee.outcomes.${d.outcome}`)}</th>
                        <td className="number">{n(d.count)}</td>
                        <td className="number">{n(d.revoked)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('annualReport.total')}</th>
                      <td className="number">{n(report.decisionsTotal)}</td>
                      <td className="number">{n(report.revokedTotal)}</td>
                    </tr>
                  </tfoot>
                </table>
              </TableRegion>
            </div>
          )}
          <p>{t('annualReport.countingRule')}</p>
          <p>{t('annualReport.changesPublished', { year, corrections: report.correctionsPublished, revocations: report.revocationsPublished })}</p>
          <p>{t('annualReport.decommissioningsPublished', { year, count: report.decommissioningsPublished })}</p>

          <h2>{t('annualReport.diagnosticsHeading')}</h2>
          {diagnosticsTotal === 0 ? (
            <p>{t('annualReport.noDiagnostics', { year })}</p>
          ) : (
            <div className="chart-pair">
              <BarChart id="chart-diagnostics" title={t('annualReport.diagnosticsChart', { year })} alternative={alternative(t('annualReport.diagnosticsChart', { year }), diagnosticBars)} bars={diagnosticBars} />
              <TableRegion labelledBy="table-diagnostics">
                <table className="report-table">
                  <caption id="table-diagnostics">{t('annualReport.diagnosticsChart', { year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('annualReport.conclusion')}</th>
                      <th scope="col" className="number">
                        {t('annualReport.files')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {diagnosticBars.map((b) => (
                      <tr key={b.label}>
                        <th scope="row">{b.label}</th>
                        <td className="number">{b.display}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('annualReport.total')}</th>
                      <td className="number">{n(diagnosticsTotal)}</td>
                    </tr>
                  </tfoot>
                </table>
              </TableRegion>
            </div>
          )}
          <p>{t('annualReport.diagnosticsRule')}</p>

          <h2>{t('annualReport.authorisedHeading')}</h2>
          <p>{t('annualReport.authorisedIntro', { count: report.favourable.decisions })}</p>
          <dl className="summary report-authorised">
            <dt>{t('annualReport.figures.cameras')}</dt>
            <dd>{n(report.favourable.cameras)}</dd>
            <dt>{t('annualReport.figures.investment')}</dt>
            <dd>{euros(report.favourable.investmentEuros)}</dd>
            <dt>{t('annualReport.figures.yearlyCost')}</dt>
            <dd>{euros(report.favourable.yearlyCostEuros)}</dd>
          </dl>
          {report.favourable.withoutInvestment > 0 && <p>{t('annualReport.missingInvestment', { count: report.favourable.withoutInvestment })}</p>}
          {report.favourable.withoutYearlyCost > 0 && <p>{t('annualReport.missingYearlyCost', { count: report.favourable.withoutYearlyCost })}</p>}

          <h2>{t('annualReport.camerasHeading', { date: countedOn })}</h2>
          <dl className="summary report-authorised">
            <dt>{t('annualReport.figures.camerasAuthorised', { date: countedOn })}</dt>
            <dd>{n(report.cameras.authorised)}</dd>
            <dt>{t('annualReport.figures.camerasInService', { date: countedOn })}</dt>
            <dd>{n(report.cameras.inService)}</dd>
          </dl>
          <p>{t('annualReport.camerasRule', { authorisation: AUTHORISATION_REFERENCE.citation, validity: VALIDITY_REFERENCE.citation })}</p>

          <h2>{t('annualReport.reReviewsHeading')}</h2>
          <p>{t('annualReport.reReviews', { count: report.reReviewsDueNextYear, nextYear })}</p>
          <p>{t('annualReport.reReviewsRule')}</p>
        </>
      )}

      <ResidentQuestionsReport year={year} />
      <ObservatoryReportSection year={year} />

      <h2>{t('annualReport.sourcesHeading')}</h2>
      <p>{t.rich('annualReport.sources', { register: (chunks) => <Link href="/registre">{chunks}</Link> })}</p>
    </article>
  );
}
