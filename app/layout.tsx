import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslate } from '@/lib/i18n/server';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: { default: t('meta.title'), template: `%s – ${t('common.appName')}` }, description: t('meta.description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getTranslate();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#contenu">
          {t('common.skipLink')}
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
