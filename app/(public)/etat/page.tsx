import type { Metadata } from 'next';
import { databaseAnswers } from '@/lib/health';
import { getFormatter, getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('pages.statusTitle') };
}

/** The service status in words, for people (the footer links here); /api/health stays JSON for monitoring. */
export default async function StatusPage() {
  const [t, format, up] = await Promise.all([getTranslations(), getFormatter(), databaseAnswers()]);
  const now = new Date();
  return (
    <>
      <h1>{t('pages.statusTitle')}</h1>
      <div className={`alert ${up ? 'success' : 'error'}`}>
        <p>
          <strong>{up ? t('pages.statusOk') : t('pages.statusDown')}</strong>
        </p>
        <p>{t('pages.statusCheckedAt', { date: format.dateTime(now, 'long') })}</p>
      </div>
      <p>{t('pages.statusMonitoring')}</p>
    </>
  );
}
