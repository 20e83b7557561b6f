import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { ERROR_STATUS } from '@/lib/errors';
import { catalogs, LOCALES, makeTranslate } from '@/lib/i18n/catalog';

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** Every catalog key written literally in the code ('section.key' strings). */
function keysUsedInCode(): string[] {
  const sections = Object.keys(catalogs.fr);
  const pattern = new RegExp(`['\`"]((?:${sections.join('|')})\\.[A-Za-z0-9_:.]+)['\`"]`, 'g');
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) for (const m of fs.readFileSync(full, 'utf8').matchAll(pattern)) found.add(m[1]!);
    }
  };
  for (const dir of ['app', 'lib', 'db']) walk(path.resolve(dir));
  return [...found].filter((k) => !k.endsWith('.'));
}

describe('message catalogs', () => {
  it('have exactly the same keys in every language, none empty', () => {
    const reference = leaves(catalogs.fr).sort();
    for (const locale of LOCALES) {
      expect(leaves(catalogs[locale]).sort()).toEqual(reference);
      for (const key of reference) expect(makeTranslate(locale)(key).trim()).not.toBe('');
    }
  });

  it('translate every error code', () => {
    for (const locale of LOCALES) {
      const t = makeTranslate(locale);
      for (const code of Object.keys(ERROR_STATUS)) expect(t(`errors.${code}`)).not.toBe(`errors.${code}`);
    }
  });

  it('hold every key the code names', () => {
    const permissions = Object.keys(PERMISSIONS); // 'staff.access' and the like are not messages
    const missing = keysUsedInCode().filter((key) => !permissions.includes(key) && makeTranslate('fr')(key) === key);
    expect(missing).toEqual([]);
  });

  it('fill in parameters', () => {
    expect(makeTranslate('fr')('staff.welcome', { name: 'Hélène' })).toBe('Bonjour Hélène.');
    expect(makeTranslate('en')('audit.user.role_granted', { role: 'Chair' })).toBe('Role granted: Chair');
  });
});
