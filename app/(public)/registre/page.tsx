import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorSummary } from '@/app/_components/error-summary';
import { SelectField, TextField } from '@/app/_components/form-fields';
import { publicReadDb } from '@/db/client';
import { listRegister, registerFacets } from '@/db/queries/register';
import { PUBLISHED_OUTCOMES } from '@/lib/domain/vocabulary';
import type { FieldErrors } from '@/lib/errors';
import type { SearchParams } from '@/lib/flash';
import { translateFieldError } from '@/lib/forms';
import { isFiltered, readRegisterSearch, withFilters } from '@/lib/register-search';
import { registerQueryFrom, type RegisterFilters } from '@/lib/validation/register';
import { EntryCard } from './_components/entry-card';
import { LICENCE } from '@/lib/open-data/licence';
import { OPEN_DATA_PATHS } from '@/lib/open-data/paths';

type Props = { searchParams: Promise<SearchParams> };

const PATH = '/registre';
const FIELDS = ['q', 'site', 'outcome', 'year', 'landlord'] as const;
/** Above this many sites, the filter form offers no site list (see below). */
const SITE_SELECT_MAX = 200;
/** Where the error summary sends a reader for a problem that is not one of the form's fields (a bad page link). */
const NEWEST_ID = 'register-newest';
const fieldId = (name: string) => ((FIELDS as readonly string[]).includes(name) ? `register-${name}` : NEWEST_ID);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return {
    title: t('publicRegister.list.title'),
    alternates: { types: { 'application/atom+xml': [{ url: OPEN_DATA_PATHS.atom, title: t('publicRegister.list.atomTitle') }] } },
  };
}

/**
 * The public register: newest first, searched and filtered by a plain GET form (so it
 * works without JavaScript and a search is a link), one keyset page at a time. A filter
 * the address gets wrong is shown as a form error, never a server error.
 */
export default async function RegisterPage({ searchParams }: Props) {
  const [query, t] = await Promise.all([searchParams, getTranslations()]);
  const db = publicReadDb();
  const search = readRegisterSearch(query);
  const facets = await registerFacets(db);

  const errors: FieldErrors = search.ok ? {} : { ...search.errors };
  const filters: RegisterFilters = search.ok ? search.filters : {};
  // A well-formed id of a site the register does not name: the list would be empty for a reason nobody could see.
  if (filters.site && !facets.sites.some((s) => s.id === filters.site)) errors.site = 'register.filters.invalid_site';
  const valid = Object.keys(errors).length === 0;
  const page = valid ? await listRegister(db, filters) : null;

  // The form shows what was asked for: the parsed filters, or what was typed when it was wrong (bounded).
  const raw = registerQueryFrom(query);
  const typed = (name: (typeof FIELDS)[number]) => (valid ? filters[name]?.toString() : raw[name]?.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200)) ?? '';
  const message = Object.fromEntries(Object.entries(errors).map(([name, error]) => [name, translateFieldError(t, error)]));
  // A year or landlord the register does not hold stays selected: the empty result then reads right.
  const years = [...new Set([...facets.years.map(String), ...(valid && filters.year ? [String(filters.year)] : [])])];
  const landlords = [...new Set([...facets.landlords, ...(valid && filters.landlord ? [filters.landlord] : [])])];
  const same = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  // A list of thousands of sites is no use to pick from (and made the page 1 MB): past
  // SITE_SELECT_MAX, a site is found by the text search, or filtered from its own pages' links.
  const siteSelect = facets.sites.length <= SITE_SELECT_MAX;
  const selects = [
    ...(siteSelect ? [{ name: 'site' as const, any: t('publicRegister.list.anySite'), options: facets.sites.map((s) => ({ value: s.id, label: s.name })) }] : []),
    { name: 'outcome', any: t('publicRegister.list.anyOutcome'), options: PUBLISHED_OUTCOMES.map((o) => ({ value: o, label: t(`committee.outcomes.${o}`) })) },
    { name: 'year', any: t('publicRegister.list.anyYear'), options: same(years) },
    { name: 'landlord', any: t('publicRegister.list.anyLandlord'), options: same(landlords) },
  ] as const;

  return (
    <>
      <h1>{t('publicRegister.list.title')}</h1>
      <p className="lead">{t('publicRegister.list.lead')}</p>

      <section aria-labelledby="register-search-title" className="register-search">
        <h2 id="register-search-title">{t('publicRegister.list.searchTitle')}</h2>
        <ErrorSummary items={Object.entries(message).map(([name, text]) => ({ id: fieldId(name), message: text }))} />
        {valid ? null : (
          <p>
            {t('publicRegister.list.invalidHelp')}{' '}
            <Link id={NEWEST_ID} href={PATH}>
              {t('publicRegister.list.newest')}
            </Link>
          </p>
        )}
        <form method="get" action={PATH} role="search" aria-labelledby="register-search-title">
          <TextField id="register-q" name="q" type="search" label={t('publicRegister.list.q')} hint={t('publicRegister.list.qHint')} defaultValue={typed('q')} maxLength={200} error={message.q} />
          {siteSelect ? null : (
            <p className="hint">
              {t('publicRegister.list.siteBySearch', { count: facets.sites.length })}
              {valid && filters.site ? <input type="hidden" name="site" value={filters.site} /> : null}
            </p>
          )}
          <div className="field-row">
            {selects.map(({ name, any, options }) => (
              <SelectField
                key={name}
                id={fieldId(name)}
                name={name}
                label={t(`publicRegister.list.${name}`)}
                defaultValue={options.some((o) => o.value === typed(name)) ? typed(name) : ''}
                error={message[name]}
              >
                <option value="">{any}</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
          <div className="form-actions">
            <button type="submit">{t('publicRegister.list.submit')}</button>
            {isFiltered(filters) || !valid ? <Link href={PATH}>{t('publicRegister.list.reset')}</Link> : null}
          </div>
        </form>
      </section>

      {page ? (
        <section aria-labelledby="register-results-title">
          <h2 id="register-results-title">{t('publicRegister.list.resultsTitle')}</h2>
          <p className="register-count">
            {page.items.length === 0 && !filters.cursor && !isFiltered(filters)
              ? t('publicRegister.list.empty')
              : t(filters.cursor ? 'publicRegister.list.countOlder' : 'publicRegister.list.count', { count: page.items.length })}
            {page.nextCursor ? ` ${t('publicRegister.list.moreFollow')}` : ''}
          </p>
          {page.items.length ? (
            <ol className="register-list">
              {page.items.map((item) => (
                <EntryCard key={item.entry.sequence} item={item} />
              ))}
            </ol>
          ) : null}
          {filters.cursor || page.nextCursor ? (
            <nav aria-label={t('publicRegister.list.pages')} className="pagination">
              {filters.cursor ? <Link href={withFilters(PATH, filters)}>{t('publicRegister.list.newest')}</Link> : null}
              {page.nextCursor ? (
                <Link href={withFilters(PATH, filters, page.nextCursor)} rel="next">
                  {t('publicRegister.list.older')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('publicRegister.list.openDataTitle')}</h2>
        <p>{t('publicRegister.list.openDataText')}</p>
        {/* Plain links: these are files and feeds, not pages of the app. */}
        <ul>
          <li>
            <a href={withFilters(OPEN_DATA_PATHS.csv, filters)}>{t('publicRegister.list.csv')}</a>
          </li>
          <li>
            <a href={withFilters(OPEN_DATA_PATHS.decisions, filters)}>{t('publicRegister.list.json')}</a>
          </li>
          <li>
            <a href={OPEN_DATA_PATHS.atom}>{t('publicRegister.list.atom')}</a>
          </li>
          <li>
            <a href={OPEN_DATA_PATHS.geojson}>{t('publicRegister.list.geojson')}</a>
          </li>
          <li>
            <a href={OPEN_DATA_PATHS.verify}>{t('publicRegister.list.verify')}</a>
          </li>
          <li>
            {/* A full page load, for the map's own Content-Security-Policy (lib/security-headers.ts). */}
            <a href="/carte">{t('publicRegister.list.map')}</a>
          </li>
          <li>
            <a href={LICENCE.url} lang="fr">
              {LICENCE.name}
            </a>
          </li>
        </ul>
        {isFiltered(filters) ? <p>{t('publicRegister.list.openDataFiltered')}</p> : null}
      </section>
    </>
  );
}
