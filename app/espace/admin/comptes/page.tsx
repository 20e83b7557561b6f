import type { Metadata } from 'next';
import Link from 'next/link';
import { TableRegion } from '@/app/_components/table-region';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { requirePermission } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { CreateUserForm } from './create-user-form';
import { ROLES } from '@/lib/domain/vocabulary';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('users.title') };
}

export default async function UsersPage() {
  await requirePermission('users.manage');
  const t = await getTranslations();
  const users = await listUsers(getDb());
  return (
    <>
      <h1>{t('users.title')}</h1>
      <TableRegion labelledBy="users-caption">
        <table>
          <caption id="users-caption">{t('users.listCaption', { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link href={`/espace/admin/comptes/${u.id}`} aria-label={t('users.manage', { name: u.name })}>
                    {u.name}
                  </Link>
                </th>
                <td>{u.email}</td>
                <td>{u.roles.length ? u.roles.map((r) => <span key={r} className="tag">{t(`roles.${r}`)}</span>) : t('users.none')}</td>
                <td>{u.active ? t('users.active') : t('users.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>{t('users.createTitle')}</h2>
      <p>{t('common.requiredFieldsNote')}</p>
      <ClientMessages namespaces={['validation']}>
      <CreateUserForm
        labels={{
          name: t('users.name'),
          email: t('users.email'),
          password: t('users.password'),
          passwordHint: t('users.passwordHint'),
          rolesLegend: t('users.rolesLegend'),
          submit: t('users.create'),
          required: t('common.required'),
        }}
        roleLabels={Object.fromEntries(ROLES.map((r) => [r, t(`roles.${r}`)])) as Record<(typeof ROLES)[number], string>}
      />
      </ClientMessages>
    </>
  );
}
