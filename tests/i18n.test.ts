import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { ERROR_STATUS } from '@/lib/errors';
import { formats, LOCALES, TIME_ZONE } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { pickMessages, translateKey } from '@/lib/i18n/translate';

/** Every message of a catalog, by dotted key. */
function entries(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}
const leaves = (node: unknown) => entries(node).map(([key]) => key);

/** The arguments and tags an ICU message uses, e.g. ['count', '<link>'], read from its parsed form. */
function argumentsOf(message: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      // Types from @formatjs/icu-messageformat-parser: 0 literal, 7 pound ('#'), 8 tag, others name an argument.
      if (node.type === 8) {
        found.add(`<${node.value}>`);
        walk(node.children ?? []);
      } else if (node.type !== 0 && node.type !== 7 && node.value) found.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...found].sort();
}

/** Every catalog key written literally in the code ('section.key' strings), typed or not. */
function keysUsedInCode(): string[] {
  const sections = Object.keys(MESSAGES.fr);
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
    const reference = leaves(MESSAGES.fr).sort();
    for (const locale of LOCALES) {
      expect(leaves(MESSAGES[locale]).sort()).toEqual(reference);
      for (const [key, text] of entries(MESSAGES[locale])) expect(text.trim(), key).not.toBe('');
    }
  });

  it('hold only valid ICU messages, with the same arguments in every language', () => {
    const french = new Map(entries(MESSAGES.fr).map(([key, text]) => [key, argumentsOf(text, 'fr')]));
    for (const locale of LOCALES) {
      for (const [key, text] of entries(MESSAGES[locale])) {
        expect(() => argumentsOf(text, locale), `${locale}: ${key}`).not.toThrow();
        expect(argumentsOf(text, locale), `${locale}: ${key}`).toEqual(french.get(key));
      }
    }
  });

  it('write no pseudo-plural "(s)": plurals are ICU', () => {
    for (const locale of LOCALES) expect(entries(MESSAGES[locale]).filter(([, text]) => text.includes('(s)'))).toEqual([]);
  });

  it('translate every error code', () => {
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: MESSAGES[locale] });
      for (const code of Object.keys(ERROR_STATUS)) expect(t.has(`errors.${code}` as never), `${locale}: ${code}`).toBe(true);
    }
  });

  it('hold every key the code names', () => {
    const permissions = Object.keys(PERMISSIONS); // 'staff.access' and the like are not messages
    const t = createTranslator({ locale: 'fr', messages: MESSAGES.fr });
    const missing = keysUsedInCode().filter((key) => !permissions.includes(key) && !t.has(key as never));
    expect(missing).toEqual([]);
  });
});

describe('translating outside React (createTranslator)', () => {
  const fr = createTranslator({ locale: 'fr', messages: MESSAGES.fr });
  const en = createTranslator({ locale: 'en', messages: MESSAGES.en });

  it('fills in parameters', () => {
    expect(fr('staff.welcome', { name: 'Hélène' })).toBe('Bonjour Hélène.');
    expect(en('audit.user.role_granted', { role: 'Chair' })).toBe('Role granted: Chair');
  });

  it('writes plurals in each language', () => {
    expect(fr('errorSummary.title', { count: 1 })).toBe('Le formulaire contient 1 erreur');
    expect(fr('errorSummary.title', { count: 3 })).toBe('Le formulaire contient 3 erreurs');
    expect(en('errorSummary.title', { count: 1 })).toBe('There is 1 error in this form');
    expect(en('errorSummary.title', { count: 3 })).toBe('There are 3 errors in this form');
    expect(en('proposals.days', { count: 30 })).toBe('30 days');
  });

  it('translates a key known only at run time, and says when it is missing', () => {
    expect(translateKey(fr, 'validation.site_unavailable')).toBe(MESSAGES.fr.validation.site_unavailable);
    expect(translateKey(en, 'audit.proposal.submit')).toBe('Proposal submitted');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(translateKey(fr, 'validation.no_such_rule')).toBe('validation.no_such_rule');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('validation.no_such_rule'));
    error.mockRestore();
  });

  it('picks only the namespaces a client component needs', () => {
    expect(Object.keys(pickMessages(MESSAGES.fr, ['common', 'validation']))).toEqual(['common', 'validation']);
  });
});

describe('formats', () => {
  it('show dates in Europe/Paris and euros the French way', () => {
    const format = createFormatter({ locale: 'fr', timeZone: TIME_ZONE, formats });
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(format.dateTime(new Date('2025-12-31T23:30:00Z'), 'long')).toBe('1 janvier 2026 à 00:30');
    expect(format.number(12500, 'euro')).toBe('12\u202f500\u00a0€');
    expect(format.number(48.8846, 'coordinate')).toBe('48,8846');
  });
});
