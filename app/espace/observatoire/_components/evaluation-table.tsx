import { getFormatter, getTranslations } from 'next-intl/server';
import { TableRegion } from '@/app/_components/table-region';
import type { SiteEvaluationView } from '@/db/queries/observatory';
import { observedChange, type WindowFigures } from '@/lib/domain/evaluation';
import { FACT_TYPES } from '@/lib/domain/vocabulary';

/**
 * One site's evaluation for staff (the observatory page and a re-review's diagnostic):
 * facts per type in the three years before and after its cameras went in service, beside
 * the sites without cameras over the same years. Worded as what was recorded, never as
 * an effect; missing and not-yet-elapsed years are said.
 */
export async function EvaluationTable({ evaluation: e, headingLevel = 3 }: { evaluation: SiteEvaluationView; headingLevel?: 2 | 3 }) {
  const [t, format] = await Promise.all([getTranslations('observatory.evaluation'), getFormatter()]);
  const factTypes = await getTranslations('diagnostic.factTypes');
  const H = `h${headingLevel}` as const;
  const id = `evaluation-${e.siteId}`;
  const years = (list: number[]) => (list.length ? format.list(list.map(String)) : t('none'));
  const range = (list: number[]) => `${list[0]}–${list[list.length - 1]}`;
  const cell = (w: WindowFigures, n: number) => (w.years.length ? format.number(n) : '–');
  const percent = (change: number | null) => (change === null ? t('noChange') : format.number(change / 100, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  const siteChange = observedChange(e.site.before, e.site.after);
  const comparisonChange = observedChange(e.comparison.before, e.comparison.after);
  const gaps = [
    ...(e.site.before.missing.length || e.site.after.missing.length ? [t('missingYears', { years: years([...e.site.before.missing, ...e.site.after.missing]) })] : []),
    ...(e.site.after.notYet.length ? [t('notYetYears', { years: years(e.site.after.notYet) })] : []),
    ...(e.comparison.before.missing.length || e.comparison.after.missing.length ? [t('comparisonMissingYears', { years: years([...e.comparison.before.missing, ...e.comparison.after.missing]) })] : []),
  ];
  return (
    <section aria-labelledby={id} className="evaluation">
      <H id={id}>{t('heading', { site: e.siteName })}</H>
      <p>{t('windows', { date: format.dateTime(new Date(`${e.commissionedOn}T12:00:00Z`), 'date'), year: e.commissionedYear, before: range(e.beforeYears), after: range(e.afterYears), sites: e.comparison.siteCount })}</p>
      {gaps.map((g) => (
        <p key={g} className="notice">
          {g}
        </p>
      ))}
      <TableRegion labelledBy={`${id}-caption`}>
        <table>
          <caption id={`${id}-caption`}>{t('caption', { site: e.siteName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('type')}</th>
              <th scope="col" className="number">{t('siteBefore', { years: range(e.beforeYears) })}</th>
              <th scope="col" className="number">{t('siteAfter', { years: range(e.afterYears) })}</th>
              <th scope="col" className="number">{t('comparisonBefore')}</th>
              <th scope="col" className="number">{t('comparisonAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {FACT_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">{factTypes(type)}</th>
                <td className="number">{cell(e.site.before, e.site.before.byType[type])}</td>
                <td className="number">{cell(e.site.after, e.site.after.byType[type])}</td>
                <td className="number">{cell(e.comparison.before, e.comparison.before.byType[type])}</td>
                <td className="number">{cell(e.comparison.after, e.comparison.after.byType[type])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              <td className="number">{cell(e.site.before, e.site.before.total)}</td>
              <td className="number">{cell(e.site.after, e.site.after.total)}</td>
              <td className="number">{cell(e.comparison.before, e.comparison.before.total)}</td>
              <td className="number">{cell(e.comparison.after, e.comparison.after.total)}</td>
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      <p>
        {t('observed', {
          site: percent(siteChange),
          comparison: percent(comparisonChange),
          siteYears: `${e.site.before.years.length}/${e.site.after.years.length}`,
        })}
      </p>
      <p className="hint">{t('caution')}</p>
    </section>
  );
}
