import type { ReactNode } from 'react';

/**
 * A table that scrolls inside its own box on a narrow screen instead of widening the page
 * (WCAG 1.4.10 reflow). The box is a named region that takes keyboard focus, so that it
 * can be scrolled without a mouse; its name is the table's caption or the section heading.
 */
export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
