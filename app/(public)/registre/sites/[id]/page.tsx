import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { siteCameraCounts } from '@/db/queries/public-cameras';
import { siteHistory } from '@/db/queries/register';
import { OPEN_DATA_PATHS } from '@/lib/open-data/paths';
import { uuid } from '@/lib/validation/fields';
import { EntryCard } from '../../_components/entry-card';

type Props = { params: Promise<{ id: string }> };

/** The site as the register knows it, or the public 404 (a malformed id never reaches the database). */
// Once per request: generateMetadata and the page share it (React's cache).
const load = cache(async (id: string) => {
  if (!uuid.safeParse(id).success) notFound();
  const history = await siteHistory(publicReadDb(), id);
  if (!history) notFound();
  return history;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site } = await load((await params).id);
  const t = await getTranslations();
  return {
    title: t('publicRegister.site.metaTitle', { name: site.name }),
    alternates: { types: { 'application/atom+xml': [{ url: OPEN_DATA_PATHS.siteAtom(site.id), title: t('publicRegister.site.atomTitle', { name: site.name }) }] } },
  };
}

/** One site's whole history in the register, newest first, and its feed. */
export default async function SitePage({ params }: Props) {
  const [{ id }, t] = await Promise.all([params, getTranslations()]);
  const [{ site, entries }, counts] = await Promise.all([load(id), siteCameraCounts(publicReadDb())]);
  const cameras = counts.get(id) ?? { authorised: 0, inService: 0 };
  return (
    <>
      <p>
        <Link href="/registre">{t('publicRegister.entry.back')}</Link>
      </p>
      <h1>{site.name}</h1>
      <p className="lead">{t('publicRegister.site.lead', { address: site.address, landlord: site.landlord })}</p>
      <p>
        <strong>{t('publicRegister.site.camerasToday', { inService: cameras.inService, authorised: cameras.authorised })}</strong>
      </p>
      <p>
        <a href={OPEN_DATA_PATHS.siteAtom(site.id)} type="application/atom+xml">
          {t('publicRegister.site.atom')}
        </a>
      </p>

      <section aria-labelledby="site-history-title">
        <h2 id="site-history-title">{t('publicRegister.site.historyTitle')}</h2>
        <p className="register-count">{t('publicRegister.site.count', { count: entries.length })}</p>
        <ol className="register-list">
          {entries.map((item) => (
            <EntryCard key={item.entry.sequence} item={item} />
          ))}
        </ol>
      </section>
    </>
  );
}
