import type { Metadata } from 'next';
import { databaseAnswers } from '@/lib/health';
import { formatDateTime } from '@/lib/i18n/catalog';
import { getTranslate } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('pages.statusTitle') };
}

/** The service status in words, for people (the footer links here); /api/health stays JSON for monitoring. */
export default async function StatusPage() {
  const [{ locale, t }, up] = await Promise.all([getTranslate(), databaseAnswers()]);
  const now = new Date();
  return (
    <>
      <h1>{t('pages.statusTitle')}</h1>
      <div className={`alert ${up ? 'success' : 'error'}`}>
        <p>
          <strong>{up ? t('pages.statusOk') : t('pages.statusDown')}</strong>
        </p>
        <p>{t('pages.statusCheckedAt', { date: formatDateTime(locale, now) })}</p>
      </div>
      <p>{t('pages.statusMonitoring')}</p>
    </>
  );
}
