import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { siteCameraCounts } from '@/db/queries/public-cameras';
import { registerSites } from '@/db/queries/register';
import { SitesMap, type MapSite } from './sites-map';

// Read from the database on every request (never at build time): a publication shows at once.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('siteMap.title') };
}

/**
 * The sites the register names, on a map and, always, as a list rendered here on the
 * server: the list is the way in without JavaScript, by keyboard or with a screen reader,
 * and it carries everything each point's bubble says. Points are the sites' own
 * coordinates, never a camera's.
 */
export default async function MapPage() {
  const [t, format, sites, counts] = await Promise.all([getTranslations(), getFormatter(), registerSites(publicReadDb()), siteCameraCounts(publicReadDb())]);

  const items = sites.map(({ site, entryCount, latest }) => {
    const value = t('siteMap.latestValue', { outcome: t(`committee.outcomes.${latest.outcome}`), date: format.dateTime(new Date(`${latest.decidedAt}T12:00:00Z`), 'date') });
    const note = latest.kind === 'decision' ? null : t(`siteMap.kindNote.${latest.kind}`);
    const withNote = note ? `${value} (${note})` : value;
    const cameras = counts.get(site.id) ?? { authorised: 0, inService: 0 };
    const camerasLine = t('siteMap.cameras', { inService: cameras.inService, authorised: cameras.authorised });
    return {
      site,
      entryCount,
      reference: latest.reference,
      latest: withNote,
      camerasLine,
      map: {
        id: site.id,
        name: site.name,
        address: site.address,
        lat: site.lat,
        lon: site.lon,
        latest: `${t('siteMap.latestLine', { value: withNote })} ${camerasLine}`,
        href: `/registre/sites/${site.id}`,
        linkText: t('siteMap.siteLink', { name: site.name }),
      } satisfies MapSite,
    };
  });

  return (
    <>
      <h1>{t('siteMap.title')}</h1>
      <p className="lead">{t('siteMap.lead')}</p>
      {items.length === 0 ? (
        <p>{t('siteMap.empty')}</p>
      ) : (
        <>
          <p>{t('siteMap.keyboard')}</p>
          <div className="site-map-layout">
            <section aria-labelledby="liste-sites-titre" id="liste-sites" tabIndex={-1}>
              <h2 id="liste-sites-titre">{t('siteMap.listHeading')}</h2>
              <p>{t('siteMap.listCount', { count: items.length })}</p>
              <ul className="site-list">
                {items.map(({ site, entryCount, reference, latest, camerasLine, map }) => (
                  <li key={site.id} className="card">
                    <h3>{site.name}</h3>
                    <dl className="summary">
                      <dt>{t('siteMap.address')}</dt>
                      <dd>{site.address}</dd>
                      <dt>{t('siteMap.landlord')}</dt>
                      <dd>{site.landlord}</dd>
                      <dt>{t('siteMap.latest')}</dt>
                      <dd>{latest}</dd>
                      <dt>{t('siteMap.camerasLabel')}</dt>
                      <dd>{camerasLine}</dd>
                      <dt>{t('siteMap.reference')}</dt>
                      <dd>
                        <Link href={`/registre/${reference}`}>{reference}</Link>
                      </dd>
                    </dl>
                    <p>{t('siteMap.entries', { count: entryCount })}</p>
                    <p>
                      <Link href={map.href}>{map.linkText}</Link>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="carte-titre" className="site-map-section">
              <h2 id="carte-titre">{t('siteMap.mapHeading')}</h2>
              <SitesMap
                sites={items.map((i) => i.map)}
                labels={{
                  region: t('siteMap.mapLabel'),
                  loading: t('siteMap.loading'),
                  tilesFailed: t('siteMap.tilesFailed'),
                  mapFailed: t('siteMap.mapFailed'),
                  tilesAttribution: t.markup('proposals.mapAttribution', { link: (chunks) => `<a href="https://www.openstreetmap.org/copyright">${chunks}</a>` }),
                  zoomIn: t('proposals.zoomIn'),
                  zoomOut: t('proposals.zoomOut'),
                  closePopup: t('siteMap.closePopup'),
                }}
              >
                <p className="notice">{t.rich('siteMap.noScript', { link: (chunks) => <a href="#liste-sites">{chunks}</a> })}</p>
              </SitesMap>
            </section>
          </div>
        </>
      )}
      <p className="no-print">
        {t.rich('siteMap.seeAlso', {
          register: (chunks) => <Link href="/registre">{chunks}</Link>,
          report: (chunks) => <Link href="/rapport">{chunks}</Link>,
        })}
      </p>
    </>
  );
}
