import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { entityHistory } from '@/db/queries/audit';
import { getSite } from '@/db/queries/sites';
import { requirePermission } from '@/lib/auth/session';
import { clientMessages } from '@/lib/forms';
import { formatDateTime, type Translate } from '@/lib/i18n/catalog';
import { getTranslate } from '@/lib/i18n/server';
import { uuid } from '@/lib/validation/fields';
import { SITE_FIELDS, type SiteField } from '@/lib/validation/sites';
import { archiveSiteAction, restoreSiteAction } from '../actions';
import { numberForInput, siteFormLabels } from '../form-labels';
import { SiteForm } from '../site-form';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?ok=…` flag → message; anything else in the address is ignored. */
const FLASHES = {
  created: 'sites.created',
  updated: 'sites.updated',
  unchanged: 'sites.unchanged',
  archived: 'sites.archivedDone',
  restored: 'sites.restored',
} as const;

async function load(id: string) {
  if (!uuid.safeParse(id).success) return null;
  const db = getDb();
  const site = await getSite(db, id);
  return site ? { site, history: await entityHistory(db, 'site', id) } : null;
}

/** "Résidence modifiée : bailleur social, nombre de logements", from the fields the event recorded. */
function changedFields(t: Translate, details: Record<string, unknown>): string {
  const changes = details.changes && typeof details.changes === 'object' ? Object.keys(details.changes) : [];
  return changes
    .filter((f): f is SiteField => (SITE_FIELDS as readonly string[]).includes(f))
    .map((f) => t(`sites.fieldNames.${f}`))
    .join(', ');
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('sites.title') };
}

export default async function SitePage({ params, searchParams }: Props) {
  await requirePermission('sites.manage');
  const [{ id }, query, { locale, t }] = await Promise.all([params, searchParams, getTranslate()]);
  const found = await load(id);
  if (!found) notFound();
  const { site, history } = found;

  return (
    <>
      <p>
        <Link href="/espace/admin/sites">{t('sites.backToList')}</Link>
      </p>
      <h1>{site.name}</h1>
      <FlashAlerts query={query} successes={FLASHES} t={t} params={{ name: site.name }} />
      <dl>
        <dt>{t('sites.status')}</dt>
        <dd>
          {site.archivedAt
            ? t('sites.archivedNotice', { date: formatDateTime(locale, site.archivedAt) })
            : t('sites.active')}
        </dd>
        <dt>{t('sites.createdOn')}</dt>
        <dd>
          <time dateTime={site.createdAt.toISOString()}>{formatDateTime(locale, site.createdAt)}</time>
        </dd>
      </dl>

      <h2>{t('sites.editTitle')}</h2>
      <p>{t('common.requiredFieldsNote')}</p>
      <SiteForm
        // A new version remounts the form, so that it carries the new token and the saved values.
        key={site.revision}
        site={{ id: site.id, revision: site.revision }}
        initial={{
          name: site.name,
          address: site.address,
          landlord: site.landlord,
          dwellings: String(site.dwellings),
          latitude: numberForInput(locale, site.latitude),
          longitude: numberForInput(locale, site.longitude),
        }}
        labels={siteFormLabels(t, t('sites.saveChanges'))}
        messages={clientMessages(locale)}
      />

      <h2>{t('sites.archiveTitle')}</h2>
      <p>{t('sites.archiveHelp')}</p>
      <form action={site.archivedAt ? restoreSiteAction : archiveSiteAction}>
        <input type="hidden" name="siteId" value={site.id} />
        <button type="submit" className={site.archivedAt ? undefined : 'danger'}>
          {site.archivedAt ? t('sites.restore') : t('sites.archive')}
        </button>
      </form>

      <h2>{t('sites.history')}</h2>
      {history.length ? (
        <ol className="timeline">
          {history.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()}>{formatDateTime(locale, event.createdAt)}</time>
              {t(`audit.${event.action}`, { fields: changedFields(t, event.details) })}{' '}
              {t('audit.by', { name: event.actorName ?? t('audit.system') })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('sites.historyEmpty')}</p>
      )}
    </>
  );
}
