import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { SelectField } from '@/app/_components/form-fields';
import { TableRegion } from '@/app/_components/table-region';
import { getDb } from '@/db/client';
import { figuresTable, importHistory, observatorySites, siteEvaluations, siteYearCounts } from '@/db/queries/observatory';
import { requirePermission } from '@/lib/auth/session';
import { MAX_CSV_ROWS, MIN_FIGURE_YEAR } from '@/lib/domain/observatory-csv';
import { parisDate } from '@/lib/domain/paris-time';
import { FACT_TYPES } from '@/lib/domain/vocabulary';
import { uuid } from '@/lib/validation/fields';
import { EvaluationTable } from './_components/evaluation-table';
import { EntryForm } from './entry-form';
import { ImportForm } from './import-form';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('observatory.title') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The delinquency observatory (issue 10, item 5), for the prevention officer: figures
 * per site, year and type, typed by hand or imported from a CSV file, the history of
 * imports, and the evaluation of each site with cameras in service.
 */
export default async function ObservatoryPage({ searchParams }: Props) {
  await requirePermission('observatory.manage');
  const db = getDb();
  const [query, t, format] = await Promise.all([searchParams, getTranslations(), getFormatter()]);
  const thisYear = Number(parisDate(new Date()).slice(0, 4));
  const [sites, figures, history, evaluations] = await Promise.all([observatorySites(db), figuresTable(db), importHistory(db), siteEvaluations(db)]);

  // The site and year whose figures are being entered: chosen with a plain GET form.
  const askedSite = uuid.safeParse(one(query.site));
  const site = askedSite.success ? sites.find((s) => s.id === askedSite.data) : undefined;
  const askedYear = Number(one(query.annee));
  const year = Number.isInteger(askedYear) && askedYear >= MIN_FIGURE_YEAR && askedYear <= thisYear ? askedYear : thisYear - 1;
  const counts = site ? await siteYearCounts(db, site.id, year) : {};
  const years = Array.from({ length: thisYear - 2009 }, (_, i) => thisYear - i);

  return (
    <>
      <h1>{t('observatory.title')}</h1>
      <p>{t('observatory.intro')}</p>
      <FlashAlerts query={query} successes={{ imported: 'observatory.import.done', entered: 'observatory.entry.done' }} />
      <nav aria-labelledby="observatory-toc">
        <h2 id="observatory-toc" className="visually-hidden">
          {t('observatory.toc')}
        </h2>
        <ul>
          <li><a href="#saisie">{t('observatory.entry.title')}</a></li>
          <li><a href="#import">{t('observatory.import.title')}</a></li>
          <li><a href="#chiffres">{t('observatory.table.title')}</a></li>
          <li><a href="#historique">{t('observatory.history.title')}</a></li>
          <li><a href="#evaluation">{t('observatory.evaluation.title')}</a></li>
        </ul>
      </nav>

      <h2 id="saisie">{t('observatory.entry.title')}</h2>
      <form method="get" action="/espace/observatoire#saisie" className="filters">
        <div className="field-row">
          <SelectField id="entry-site" name="site" label={t('observatory.entry.site')} defaultValue={site?.id ?? ''}>
            <option value="">{t('common.choose')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.archivedAt ? t('observatory.entry.archivedSite', { name: s.name }) : s.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="entry-year" name="annee" label={t('observatory.entry.year')} defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit" className="secondary">
          {t('observatory.entry.choose')}
        </button>
      </form>
      {site ? (
        <ClientMessages namespaces={['observatory', 'diagnostic', 'validation', 'common']}>
          <EntryForm key={`${site.id}-${year}`} siteId={site.id} siteName={site.name} year={year} counts={counts} />
        </ClientMessages>
      ) : (
        <p>{t('observatory.entry.chooseFirst')}</p>
      )}

      <h2 id="import">{t('observatory.import.title')}</h2>
      <p>{t('observatory.import.intro')}</p>
      <details className="card">
        <summary>{t('observatory.format.title')}</summary>
        <ul>
          <li>{t('observatory.format.header')}</li>
          <li>{t('observatory.format.separator')}</li>
          <li>{t('observatory.format.site')}</li>
          <li>{t('observatory.format.year', { min: MIN_FIGURE_YEAR, max: thisYear })}</li>
          <li>{t('observatory.format.type', { labels: format.list(FACT_TYPES.map((f) => `« ${t(`diagnostic.factTypes.${f}`)} » (${f})`)) })}</li>
          <li>{t('observatory.format.count')}</li>
          <li>{t('observatory.format.unique')}</li>
          <li>{t('observatory.format.encoding')}</li>
          <li>{t('observatory.format.size', { rows: format.number(MAX_CSV_ROWS) })}</li>
          <li>{t('observatory.format.allOrNothing')}</li>
        </ul>
        <p id="format-example">{t('observatory.format.example')}</p>
        <TableRegion labelledBy="format-example">
          <pre>{'site;annee;type;nombre\nRésidence des Bergères;2024;Dégradations;12\nRésidence des Bergères;2024;drug_trafficking;3'}</pre>
        </TableRegion>
      </details>
      <p>
        <a href="/espace/observatoire/modele.csv" download>
          {t('observatory.import.template')}
        </a>
      </p>
      <ClientMessages namespaces={['observatory']}>
        <ImportForm />
      </ClientMessages>

      <h2 id="chiffres">{t('observatory.table.title')}</h2>
      {figures.length ? (
        <TableRegion labelledBy="figures-caption">
          <table>
            <caption id="figures-caption">{t('observatory.table.caption', { count: figures.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observatory.table.site')}</th>
                <th scope="col">{t('observatory.table.year')}</th>
                {FACT_TYPES.map((f) => (
                  <th key={f} scope="col" className="number">
                    {t(`diagnostic.factTypes.${f}`)}
                  </th>
                ))}
                <th scope="col">{t('observatory.table.source')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((line) => (
                <tr key={`${line.siteId}-${line.year}`}>
                  <th scope="row">
                    <a href={`/espace/observatoire?site=${line.siteId}&annee=${line.year}#saisie`} aria-label={t('observatory.table.edit', { site: line.siteName, year: line.year })}>
                      {line.siteName}
                    </a>
                  </th>
                  <td>{line.year}</td>
                  {FACT_TYPES.map((f) => (
                    <td key={f} className="number">
                      {line.counts[f] === undefined ? '–' : format.number(line.counts[f])}
                    </td>
                  ))}
                  <td>{line.source ?? t('observatory.table.byHand')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('observatory.table.empty')}</p>
      )}

      <h2 id="historique">{t('observatory.history.title')}</h2>
      {history.length ? (
        <TableRegion labelledBy="history-caption">
          <table>
            <caption id="history-caption">{t('observatory.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observatory.history.when')}</th>
                <th scope="col">{t('observatory.history.who')}</th>
                <th scope="col">{t('observatory.history.file')}</th>
                <th scope="col" className="number">{t('observatory.history.rows')}</th>
                <th scope="col">{t('observatory.history.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => {
                const s = h.summary as { yearFrom?: number; yearTo?: number; sites?: number; added?: number; replaced?: number };
                return (
                  <tr key={h.id}>
                    <td>{format.dateTime(h.createdAt, 'long')}</td>
                    <td>{h.importedBy}</td>
                    <th scope="row">{h.fileName}</th>
                    <td className="number">{format.number(h.rowCount)}</td>
                    <td>{t('observatory.history.summaryText', { from: s.yearFrom ?? '', to: s.yearTo ?? '', sites: s.sites ?? 0, added: s.added ?? 0, replaced: s.replaced ?? 0 })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('observatory.history.empty')}</p>
      )}

      <h2 id="evaluation">{t('observatory.evaluation.title')}</h2>
      <p>{t('observatory.evaluation.intro')}</p>
      {evaluations.length ? evaluations.map((e) => <EvaluationTable key={e.siteId} evaluation={e} />) : <p>{t('observatory.evaluation.empty')}</p>}
    </>
  );
}
