import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { activeSites } from '@/db/queries/sites';
import { requirePermission } from '@/lib/auth/session';
import { summaryTitles } from '@/lib/forms';
import { getTranslate } from '@/lib/i18n/server';
import { NewProposalForm } from './new-proposal-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('proposals.newTitle') };
}

export default async function NewProposalPage() {
  await requirePermission('proposals.draft');
  const { t } = await getTranslate();
  const sites = await activeSites(getDb());
  return (
    <>
      <p>
        <Link href="/espace/propositions">{t('proposals.backToList')}</Link>
      </p>
      <h1>{t('proposals.newTitle')}</h1>
      <p>{t('proposals.newIntro')}</p>
      <p>{t('common.requiredFieldsNote')}</p>
      <NewProposalForm
        titles={summaryTitles(t)}
        sites={sites.map((s) => ({ id: s.id, name: s.name, address: s.address }))}
        labels={{
          site: t('proposals.site'),
          sitePick: t('proposals.sitePick'),
          title: t('proposals.titleField'),
          titleHint: t('proposals.titleHint'),
          submit: t('proposals.create'),
          required: t('common.required'),
        }}
      />
    </>
  );
}
