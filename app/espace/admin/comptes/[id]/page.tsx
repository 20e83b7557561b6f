import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FormAlert } from '@/app/_components/form-fields';
import { getDb } from '@/db/client';
import { getUserWithHistory } from '@/db/queries/users';
import { ROLES } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session';
import { ERROR_STATUS } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/catalog';
import { getTranslate } from '@/lib/i18n/server';
import { uuid } from '@/lib/validation/fields';
import { grantRoleAction, revokeRoleAction, setActiveAction } from '../actions';
import { ResetPasswordForm } from './reset-password-form';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = ['created', 'granted', 'revoked', 'deactivated', 'reactivated'] as const;

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
  const ok = FLASHES.find((f) => f === query.ok);
  const error = typeof query.erreur === 'string' && query.erreur in ERROR_STATUS ? query.erreur : null;

  return (
    <>
      <p>
        <Link href="/espace/admin/comptes">{t('users.backToList')}</Link>
      </p>
      <h1>{t('users.detailTitle', { name: user.name })}</h1>
      {ok ? <FormAlert kind="success">{ok === 'created' ? t('users.created', { name: user.name }) : t(`users.${ok}`)}</FormAlert> : null}
      {error ? <FormAlert kind="error">{t(`errors.${error}`)}</FormAlert> : null}
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
