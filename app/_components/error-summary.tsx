'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type MouseEvent } from 'react';

export interface SummaryItem {
  /** The id of the field to go to. */
  id: string;
  message: string;
}

/** A field path ('cameras.0.latitude') as the forms spell its input's id ('cameras-0-latitude'). */
export const fieldId = (path: string) => path.replace(/\./g, '-');

/**
 * Flattens react-hook-form's nested errors (or a server's `path → message` map) into
 * `path → message`, in the order the form lists them.
 */
export function flattenErrors(errors: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!errors || typeof errors !== 'object') return out;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && node.message && prefix) out[prefix] = node.message;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'message' || key === 'type' || key === 'ref' || key === 'types' || key === 'root') continue;
    if (typeof value === 'string') {
      if (!prefix) out[key] = value; // a flat server map
      continue;
    }
    Object.assign(out, flattenErrors(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/** The summary's items, in the order of the fields on the page when they can be found. */
export function summaryItems(errors: Record<string, string>, idFor: (path: string) => string = fieldId): SummaryItem[] {
  return Object.entries(errors)
    .filter(([path]) => path !== '_form')
    .map(([path, message]) => ({ id: idFor(path), message }));
}

/** The text a field is known by: its label (or its group's legend), prefixed by its repeated group's legend ("Caméra 1"). */
function labelOf(id: string): string | null {
  const el = document.getElementById(id);
  if (!el) return null;
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s*\*\s*$/, '').trim();
  // A group of boxes sharing a name (purposes, roles) is named by its legend; a single box (masking) by its label.
  const inGroup = el instanceof HTMLInputElement && el.name !== '' && document.getElementsByName(el.name).length > 1;
  const label = clean((inGroup ? el.closest('fieldset')?.querySelector(':scope > legend') : document.querySelector(`label[for="${CSS.escape(id)}"]`))?.textContent);
  // A repeated group ("Caméra 1") prefixes the name, so that two cameras' latitudes differ.
  const groupName = clean(el.closest('fieldset.camera-fieldset')?.querySelector(':scope > legend')?.textContent);
  return [groupName !== label ? groupName : '', label].filter(Boolean).join(' – ') || null;
}

/**
 * The error summary of the French and British government design systems: at the top of
 * a form that failed, a heading with the count and one link per error to its field. It
 * takes focus after each failed submission (when `focusKey` changes), so a screen reader
 * announces it and a keyboard user starts from it.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey?: unknown }) {
  // Every ClientMessages provider carries this namespace.
  const t = useTranslations('errorSummary');
  const ref = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const ids = items.map((i) => i.id).join(' ');

  // Focus moves once per failed submission (a new `focusKey`), as soon as its errors are
  // shown: react-hook-form may publish them a render after the failure is signalled.
  // Errors that come and go while the person types never take focus from their field.
  const focusedFor = useRef<unknown>(focusKey);
  const shown = items.length > 0;
  useEffect(() => {
    if (shown && focusedFor.current !== focusKey) {
      focusedFor.current = focusKey;
      ref.current?.focus();
    }
  }, [focusKey, shown]);

  useEffect(() => {
    const found: Record<string, string> = {};
    for (const id of ids.split(' ').filter(Boolean)) {
      const label = labelOf(id);
      if (label) found[id] = label;
    }
    // Labels live in the DOM the server rendered: read after mount, so both renders match.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLabels(found);
  }, [ids]);

  if (!items.length) return null;
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    // Bring the label into view with the field, then put the cursor in it.
    (document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? target).scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('title', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`} onClick={(e) => go(e, item.id)}>
              {labels[item.id] ? `${labels[item.id]} – ` : ''}
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
