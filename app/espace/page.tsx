import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getTranslate } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('staff.dashboardTitle') };
}

export default async function StaffHome() {
  const actor = await requireUser();
  const { t } = await getTranslate();
  return (
    <>
      <h1>{t('staff.dashboardTitle')}</h1>
      <p>{t('staff.welcome', { name: actor.name })}</p>
      <h2>{t('staff.yourRoles')}</h2>
      {actor.roles.length ? (
        <dl>
          {actor.roles.map((role) => (
            <div key={role} className="card">
              <dt>
                <strong>{t(`roles.${role}`)}</strong>
              </dt>
              <dd style={{ margin: 0 }}>{t(`staff.roleTasks.${role}`)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('staff.noRoles')}</p>
      )}
    </>
  );
}
