import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/config';
import { pickMessages } from '@/lib/i18n/translate';

/**
 * Gives the client components below it the namespaces they translate, and only those
 * (the locale, time zone and formats come along from the request config). The error
 * summary's heading always comes along: every form shows one.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, [...namespaces, 'errorSummary'])}>{children}</NextIntlClientProvider>;
}
