'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function StaffNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The longest matching entry is the current one (so /espace is not current everywhere).
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="staff-nav">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.href === current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
