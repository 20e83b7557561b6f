import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from './_components/client-messages';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t('meta.title'), template: `%s – ${t('common.appName')}` }, description: t('meta.description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#contenu">
          {t('common.skipLink')}
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1}>
          <div className="container">
            {/* app/error.tsx is a client component inside this slot: it needs its texts. */}
            <ClientMessages namespaces={['pages']}>{children}</ClientMessages>
          </div>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
