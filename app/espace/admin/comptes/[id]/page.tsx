import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTimeline } from '@/app/_components/audit-timeline';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { getUserWithHistory } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/session';
import { oidcConfigured } from '@/lib/env';
import { getTranslations } from 'next-intl/server';
import { uuid } from '@/lib/validation/fields';
import { allowSsoLinkAction, grantRoleAction, revokeRoleAction, setActiveAction } from '../actions';
import { ResetPasswordForm } from './reset-password-form';
import { ROLES } from '@/lib/domain/vocabulary';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = {
  created: 'users.created',
  granted: 'users.granted',
  revoked: 'users.revoked',
  deactivated: 'users.deactivated',
  reactivated: 'users.reactivated',
  ssoLinkAllowed: 'users.ssoLinkAllowed',
} as const;

async function load(id: string) {
  return uuid.safeParse(id).success ? getUserWithHistory(getDb(), id) : null;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('users.title') };
}

export default async function UserPage({ params, searchParams }: Props) {
  await requirePermission('users.manage');
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations()]);
  const found = await load(id);
  if (!found) notFound();
  const { user, sso, history } = found;

  return (
    <>
      <p>
        <Link href="/espace/admin/comptes">{t('users.backToList')}</Link>
      </p>
      <h1>{t('users.detailTitle', { name: user.name })}</h1>
      <FlashAlerts query={query} successes={FLASHES} params={{ name: user.name }} />
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

      {oidcConfigured() ? (
        <>
          <h2>{t('users.ssoTitle')}</h2>
          <p>{t(`users.sso.${sso}`)}</p>
          {sso === 'none' ? (
            <form action={allowSsoLinkAction}>
              <input type="hidden" name="userId" value={user.id} />
              <button type="submit" className="secondary">
                {t('users.allowSsoLink')}
              </button>
            </form>
          ) : null}
        </>
      ) : null}

      <h2>{t('users.statusTitle')}</h2>
      <form action={setActiveAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        <button type="submit" className={user.active ? 'danger' : undefined}>
          {user.active ? t('users.deactivate') : t('users.reactivate')}
        </button>
      </form>

      <h2>{t('users.history')}</h2>
      <AuditTimeline events={history} empty={t('users.historyEmpty')} />
    </>
  );
}
