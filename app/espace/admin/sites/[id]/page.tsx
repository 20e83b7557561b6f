import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTimeline } from '@/app/_components/audit-timeline';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { entityHistory } from '@/db/queries/audit';
import { getSite } from '@/db/queries/sites';
import { requirePermission } from '@/lib/auth/session';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { uuid } from '@/lib/validation/fields';
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
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('sites.title') };
}

export default async function SitePage({ params, searchParams }: Props) {
  await requirePermission('sites.manage');
  const [{ id }, query, t, format, locale] = await Promise.all([params, searchParams, getTranslations(), getFormatter(), getLocale()]);
  const found = await load(id);
  if (!found) notFound();
  const { site, history } = found;

  return (
    <>
      <p>
        <Link href="/espace/admin/sites">{t('sites.backToList')}</Link>
      </p>
      <h1>{site.name}</h1>
      <FlashAlerts query={query} successes={FLASHES} params={{ name: site.name }} />
      <dl>
        <dt>{t('sites.status')}</dt>
        <dd>
          {site.archivedAt
            ? t('sites.archivedNotice', { date: format.dateTime(site.archivedAt, 'long') })
            : t('sites.active')}
        </dd>
        <dt>{t('sites.createdOn')}</dt>
        <dd>
          <time dateTime={site.createdAt.toISOString()}>{format.dateTime(site.createdAt, 'long')}</time>
        </dd>
      </dl>

      <h2>{t('sites.editTitle')}</h2>
      <p>{t('common.requiredFieldsNote')}</p>
      <ClientMessages namespaces={['validation']}>
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
      />
      </ClientMessages>

      <h2>{t('sites.archiveTitle')}</h2>
      <p>{t('sites.archiveHelp')}</p>
      <form action={site.archivedAt ? restoreSiteAction : archiveSiteAction}>
        <input type="hidden" name="siteId" value={site.id} />
        <button type="submit" className={site.archivedAt ? undefined : 'danger'}>
          {site.archivedAt ? t('sites.restore') : t('sites.archive')}
        </button>
      </form>

      <h2>{t('sites.history')}</h2>
      <AuditTimeline events={history} empty={t('sites.historyEmpty')} />
    </>
  );
}
