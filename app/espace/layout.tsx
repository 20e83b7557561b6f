import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { countUnreadNotices } from '@/db/queries/notices';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { STAFF_NAV } from './navigation';
import { StaffNav } from './staff-nav';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  const t = await getTranslations();
  const shown = STAFF_NAV.filter((i) => can(actor.roles, i.permission));
  // The unread count is part of the notices link's text, hence of its accessible name.
  const count = shown.some((i) => i.permission === 'notices.read') ? await countUnreadNotices(getDb(), actor.id) : 0;
  const items = shown.map((i) => ({ href: i.href, label: t(i.label, { count }) }));
  return (
    <div className="staff">
      <StaffNav label={t('common.staffNav')} items={items} />
      <div>{children}</div>
    </div>
  );
}
