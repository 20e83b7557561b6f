import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { summaryTitles } from '@/lib/forms';
import { getTranslate } from '@/lib/i18n/server';
import { ChangePasswordForm } from './change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('account.title') };
}

export default async function AccountPage() {
  const actor = await requirePermission('account.changePassword');
  const { t } = await getTranslate();
  return (
    <>
      <h1>{t('account.title')}</h1>
      <h2>{t('account.profile')}</h2>
      <dl>
        <dt>{t('account.name')}</dt>
        <dd>{actor.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{actor.email}</dd>
      </dl>
      <h2>{t('account.changePassword')}</h2>
      <ChangePasswordForm
        titles={summaryTitles(t)}
        labels={{
          currentPassword: t('account.currentPassword'),
          newPassword: t('account.newPassword'),
          newPasswordHint: t('account.newPasswordHint'),
          confirmPassword: t('account.confirmPassword'),
          submit: t('account.changePassword'),
          required: t('common.required'),
        }}
      />
    </>
  );
}
