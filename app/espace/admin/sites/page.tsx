import type { Metadata } from 'next';
import Link from 'next/link';
import { TableRegion } from '@/app/_components/table-region';
import { getDb } from '@/db/client';
import { listSites } from '@/db/queries/sites';
import { requirePermission } from '@/lib/auth/session';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { EMPTY_SITE, siteFormLabels } from './form-labels';
import { SiteForm } from './site-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('sites.title') };
}

export default async function SitesPage() {
  await requirePermission('sites.manage');
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  // Archived sites stay listed (after the active ones): their history remains reachable.
  const sites = await listSites(getDb(), { includeArchived: true });
  return (
    <>
      <h1>{t('sites.title')}</h1>
      <p>{t('sites.intro')}</p>
      {sites.length ? (
        <TableRegion labelledBy="sites-caption">
          <table>
            <caption id="sites-caption">{t('sites.listCaption', { count: sites.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.name')}</th>
                <th scope="col">{t('sites.address')}</th>
                <th scope="col">{t('sites.landlord')}</th>
                <th scope="col">{t('sites.dwellingsShort')}</th>
                <th scope="col">{t('sites.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id}>
                  <th scope="row">
                    <Link href={`/espace/admin/sites/${site.id}`} aria-label={t('sites.manage', { name: site.name })}>
                      {site.name}
                    </Link>
                  </th>
                  <td>{site.address}</td>
                  <td>{site.landlord}</td>
                  <td>{format.number(site.dwellings)}</td>
                  <td>{site.archivedAt ? <span className="tag">{t('sites.archived')}</span> : t('sites.active')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('sites.empty')}</p>
      )}

      <h2>{t('sites.createTitle')}</h2>
      <p>{t('common.requiredFieldsNote')}</p>
      <ClientMessages namespaces={['validation']}>
        <SiteForm initial={EMPTY_SITE} labels={siteFormLabels(t, t('sites.create'))} />
      </ClientMessages>
    </>
  );
}
