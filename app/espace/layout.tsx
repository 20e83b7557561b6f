import type { ReactNode } from 'react';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { STAFF_NAV } from './navigation';
import { StaffNav } from './staff-nav';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  const t = await getTranslations();
  const items = STAFF_NAV.filter((i) => can(actor.roles, i.permission)).map((i) => ({ href: i.href, label: t(i.label) }));
  return (
    <div className="staff">
      <StaffNav label={t('common.staffNav')} items={items} />
      <div>{children}</div>
    </div>
  );
}
