import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { getUserWithHistory } from '@/db/queries/users';
import { ROLES } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/catalog';
import { summaryTitles } from '@/lib/forms';
import { getTranslate } from '@/lib/i18n/server';
import { uuid } from '@/lib/validation/fields';
import { grantRoleAction, revokeRoleAction, setActiveAction } from '../actions';
import { ResetPasswordForm } from './reset-password-form';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = {
  created: 'users.created',
  granted: 'users.granted',
  revoked: 'users.revoked',
  deactivated: 'users.deactivated',
  reactivated: 'users.reactivated',
};

async function load(id: string) {
  return uuid.safeParse(id).success ? getUserWithHistory(getDb(), id) : null;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('users.title') };
}

export default async function UserPage({ params, searchParams }: Props) {
  await requirePermission('users.manage');
  const [{ id }, query, { locale, t }] = await Promise.all([params, searchParams, getTranslate()]);
  const found = await load(id);
  if (!found) notFound();
  const { user, history } = found;

  return (
    <>
      <p>
        <Link href="/espace/admin/comptes">{t('users.backToList')}</Link>
      </p>
      <h1>{t('users.detailTitle', { name: user.name })}</h1>
      <FlashAlerts query={query} successes={FLASHES} t={t} params={{ name: user.name }} />
      <dl>
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.status')}</dt>
        <dd>{user.active ? t('users.active') : t('users.inactive')}</dd>
      </dl>

      <h2>{t('users.roles')}</h2>
      <ul>
        {ROLES.map((role) => {
          const has = user.roles.includes(role);
          return (
            <li key={role} style={{ marginBottom: '0.5rem' }}>
              <strong>{t(`roles.${role}`)}</strong> : {has ? t('common.yes') : t('common.no')}{' '}
              <form action={has ? revokeRoleAction : grantRoleAction} className="inline-form">
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="role" value={role} />
                <button type="submit" className="secondary">
                  {t(has ? 'users.revoke' : 'users.grant', { role: t(`roles.${role}`) })}
                </button>
              </form>
            </li>
          );
        })}
      </ul>

      <h2>{t('users.resetTitle')}</h2>
      <ResetPasswordForm
        titles={summaryTitles(t)}
        userId={user.id}
        labels={{ password: t('users.newPassword'), hint: t('users.passwordHint'), submit: t('users.reset'), required: t('common.required') }}
      />

      <h2>{t('users.statusTitle')}</h2>
      <form action={setActiveAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <button type="submit" className={user.active ? 'danger' : undefined}>
          {user.active ? t('users.deactivate') : t('users.reactivate')}
        </button>
      </form>

      <h2>{t('users.history')}</h2>
      {history.length ? (
        <ol className="timeline">
          {history.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()}>{formatDateTime(locale, event.createdAt)}</time>
              {t(`audit.${event.action}`, { role: typeof event.details.role === 'string' ? t(`roles.${event.details.role}`) : '' })}{' '}
              {t('audit.by', { name: event.actorName ?? t('audit.system') })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('users.historyEmpty')}</p>
      )}
    </>
  );
}
