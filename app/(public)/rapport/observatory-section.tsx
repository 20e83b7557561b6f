import { getFormatter, getTranslations } from 'next-intl/server';
import { TableRegion } from '@/app/_components/table-region';
import { publicReadDb } from '@/db/client';
import { publicObservatory } from '@/db/queries/observatory';
import { observedChange } from '@/lib/domain/evaluation';
import { PUBLIC_CHANGE_MIN_TOTAL, publicChange, publicPair, publicParts, type PublicCount } from '@/lib/domain/small-counts';
import { FACT_TYPES } from '@/lib/domain/vocabulary';

/**
 * The observatory in the annual report (issue 10, item 5): aggregates only, never a site's
 * own figures. Any count below 5 reads "moins de 5"; a total is shown only when none of
 * its parts is masked; the split with/without cameras is masked as a pair; the
 * before/after is given as rounded percentages over large enough windows only (see
 * lib/domain/small-counts.ts for why each rule is needed).
 */
export async function ObservatoryReportSection({ year }: { year: number }) {
  const [t, types, format, data] = await Promise.all([getTranslations('observatory.public'), getTranslations('diagnostic.factTypes'), getFormatter(), publicObservatory(publicReadDb(), year)]);
  const show = (c: PublicCount) => (c.masked ? t('lessThan5') : format.number(c.value));
  const years = data.byYear.filter((y) => y.hasFigures);
  const columns = data.byYear.map((y) => ({ ...y, table: publicParts(FACT_TYPES.map((f) => y.byType[f])) }));
  const percent = (change: number | null) => (change === null ? t('evaluationUnavailable') : format.number(change / 100, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  const e = data.evaluation;
  const siteChange = e ? publicChange(observedChange(e.siteBefore, e.siteAfter), [e.siteBefore.total, e.siteAfter.total]) : null;
  const comparisonChange = e ? publicChange(observedChange(e.comparisonBefore, e.comparisonAfter), [e.comparisonBefore.total, e.comparisonAfter.total]) : null;
  return (
    <section aria-labelledby="observatoire" className="report-observatory">
      <h2 id="observatoire">{t('heading')}</h2>
      <p>{t('intro')}</p>
      {years.length === 0 ? (
        <p>{t('noFigures')}</p>
      ) : (
        <>
          <TableRegion labelledBy="table-observatoire">
            <table className="report-table">
              <caption id="table-observatoire">{t('byYearCaption', { from: year - 4, to: year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('type')}</th>
                  {columns.map((c) => (
                    <th key={c.year} scope="col" className="number">
                      {c.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {FACT_TYPES.map((f, i) => (
                  <tr key={f}>
                    <th scope="row">{types(f)}</th>
                    {columns.map((c) => (
                      <td key={c.year} className="number">
                        {c.hasFigures ? show(c.table.parts[i]!) : t('notRecorded')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('total')}</th>
                  {columns.map((c) => (
                    <td key={c.year} className="number">
                      {c.hasFigures ? show(c.table.total) : t('notRecorded')}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableRegion>

          <TableRegion labelledBy="table-observatoire-cameras">
            <table className="report-table">
              <caption id="table-observatoire-cameras">{t('splitCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('year')}</th>
                  <th scope="col" className="number">{t('withCameras')}</th>
                  <th scope="col" className="number">{t('withoutCameras')}</th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => {
                  const [withC, withoutC] = publicPair(y.withCameras, y.withoutCameras);
                  return (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td className="number">{show(withC)}</td>
                      <td className="number">{show(withoutC)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
          <p>{t('splitRule')}</p>
        </>
      )}

      <h3>{t('evaluationHeading')}</h3>
      {e ? (
        <>
          <p>{t('evaluation', { sites: e.sites, site: percent(siteChange), comparison: percent(comparisonChange) })}</p>
          <p>{t('evaluationRounded', { min: PUBLIC_CHANGE_MIN_TOTAL })}</p>
          <p>{t('caution')}</p>
        </>
      ) : (
        <p>{t('evaluationNone')}</p>
      )}
    </section>
  );
}
