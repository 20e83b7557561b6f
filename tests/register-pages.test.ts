import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSession } from '@/db/queries/committee';
import { entryToCorrect, publicationsOf, publicationsOfProposal } from '@/db/queries/publications';
import { agendaItems, decisions } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { translateFieldError } from '@/lib/forms';
import { LOCALES } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { civilDay, isFiltered, readRegisterSearch, shorten, withFilters } from '@/lib/register-search';
import { correctRegisterEntryFormSchema, publishDecisionFormSchema } from '@/lib/validation/register';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { confirmed } from '@/lib/workflow/confirmed';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, ok, signedDecision } from './support/fixtures';

const SITE = '6f1c2b9e-3d4a-4b5c-8d7e-9f0a1b2c3d4e';

describe('the register page’s search, read from its address', () => {
  it('takes the filters the open data takes, in the same form', () => {
    expect(readRegisterSearch({ q: '  caméra ', site: SITE, outcome: 'unfavourable', year: '2026', landlord: 'Puteaux Habitat', cursor: '12' })).toEqual({
      ok: true,
      filters: { q: 'caméra', site: SITE, outcome: 'unfavourable', year: 2026, landlord: 'Puteaux Habitat', cursor: 12 },
    });
    // Empty fields of the GET form are no filter; repeated parameters count once; the page size is not the address's.
    expect(readRegisterSearch(new URLSearchParams('q=&site=&outcome=&year=&landlord=&limit=500'))).toEqual({ ok: true, filters: {} });
    expect(readRegisterSearch({ year: ['2025', 'abc'] })).toEqual({ ok: true, filters: { year: 2025 } });
    expect(readRegisterSearch({ limit: 'abc' })).toEqual({ ok: true, filters: {} });
  });

  it('names each malformed filter with the register’s own message, never throwing', () => {
    expect(readRegisterSearch({ year: 'abc' })).toEqual({ ok: false, errors: { year: 'register.filters.invalid_year' } });
    expect(readRegisterSearch({ year: '1999' })).toEqual({ ok: false, errors: { year: 'register.filters.invalid_year' } });
    expect(readRegisterSearch({ site: 'xyz' })).toEqual({ ok: false, errors: { site: 'register.filters.invalid_site' } });
    expect(readRegisterSearch({ outcome: 'adjourned' })).toEqual({ ok: false, errors: { outcome: 'register.filters.invalid_outcome' } });
    expect(readRegisterSearch({ cursor: '-1' })).toEqual({ ok: false, errors: { cursor: 'register.filters.invalid_cursor' } });
    expect(readRegisterSearch({ cursor: 'NaN', year: '2026.5' })).toEqual({ ok: false, errors: { cursor: 'register.filters.invalid_cursor', year: 'register.filters.invalid_year' } });
    // A megabyte of text is refused with its limit; NUL and control characters are only spaces; "%" is a character like any other.
    expect(readRegisterSearch({ q: 'é'.repeat(1_000_000) })).toEqual({ ok: false, errors: { q: { key: 'validation.too_long', params: { max: 200 } } } });
    expect(readRegisterSearch({ q: 'parking\u0000\u0007souterrain' })).toEqual({ ok: true, filters: { q: 'parking  souterrain' } });
    expect(readRegisterSearch({ q: '%E0%A4%A %', landlord: '%00' })).toEqual({ ok: true, filters: { q: '%E0%A4%A %', landlord: '%00' } });
    expect(readRegisterSearch({ q: '\u0000\u0000' })).toEqual({ ok: true, filters: {} });
  });

  it('has every message it can give, in every language', () => {
    const refused = readRegisterSearch({ q: 'x'.repeat(201), site: 'x', outcome: 'x', year: 'x', landlord: 'x'.repeat(300), cursor: 'x' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(Object.keys(refused.errors).sort()).toEqual(['cursor', 'landlord', 'outcome', 'q', 'site', 'year']);
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: MESSAGES[locale] });
      for (const error of Object.values(refused.errors)) {
        const text = translateFieldError(t, error);
        expect(text).not.toMatch(/^(register|validation)\./);
        expect(text).not.toContain('{');
      }
    }
    expect(translateFieldError(createTranslator({ locale: 'fr', messages: MESSAGES.fr }), refused.errors.q!)).toBe('200 caractères au maximum : raccourcissez ce texte.');
  });

  it('builds the links that keep the search: older decisions, back to the newest, the exports', () => {
    const filters = { q: 'hall & parking', site: SITE, year: 2026, landlord: 'Puteaux Habitat (OPH)' };
    expect(withFilters('/registre', filters, 17)).toBe(`/registre?q=hall+%26+parking&site=${SITE}&year=2026&landlord=Puteaux+Habitat+%28OPH%29&cursor=17`);
    expect(withFilters('/registre', { ...filters, cursor: 17 })).not.toContain('cursor');
    expect(withFilters('/api/v1/decisions.csv', { outcome: 'favourable' })).toBe('/api/v1/decisions.csv?outcome=favourable');
    expect(withFilters('/registre', {}, null)).toBe('/registre');
    // What a link carries is read back as the same search.
    expect(readRegisterSearch(new URLSearchParams(withFilters('/registre', filters, 17).split('?')[1]))).toEqual({ ok: true, filters: { ...filters, cursor: 17 } });
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ cursor: 3 })).toBe(false);
    expect(isFiltered({ outcome: 'favourable' })).toBe(true);
  });

  it('shortens a summary at a word, and reads a day as that day in Paris', () => {
    expect(shorten('Avis favorable.')).toBe('Avis favorable.');
    const long = `${'Une caméra sur le parking, '.repeat(20)}fin.`;
    const short = shorten(long, 100);
    expect(short.length).toBeLessThanOrEqual(101);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(short).not.toMatch(/[ ,]…$/);
    for (const day of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31']) {
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(civilDay(day))).toBe(day);
    }
  });
});

type Id = { id: string };

describe.each(BACKENDS)('what the staff pages read of the register on %s', (backend) => {
  let t: TestDatabase;
  let people: { technician: Id; officer: Id; chair: Id; members: Id[] };
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    siteId = (await makeSite(t.db, { name: 'Résidence Arago' })).id;
  }, 120_000);
  afterAll(() => t.close());

  const publishForm = confirmed(COMMANDS.publishDecision, publishDecisionFormSchema);
  const correctForm = confirmed(COMMANDS.correctRegisterEntry, correctRegisterEntryFormSchema);

  it('follows a decision from signed to published, corrected and revoked: the session page, the file page and the correction form agree', async () => {
    const { proposalId, decisionId } = await signedDecision(t.db, people, siteId, { reasons: 'Motifs d’origine.', publicSummary: 'Résumé d’origine.' });
    const [{ itemId }] = (await t.db.select({ itemId: decisions.itemId }).from(decisions).where(eq(decisions.id, decisionId))) as [{ itemId: string }];
    const [{ sessionId }] = (await t.db.select({ sessionId: agendaItems.sessionId }).from(agendaItems).where(eq(agendaItems.id, itemId))) as [{ sessionId: string }];
    const chair = (await loadActor(t.db, people.chair.id))!;
    const member = (await loadActor(t.db, people.members[0]!.id))!;
    const published = async () => (await getSession(t.db, member, sessionId))!.items[0]!.decision!.publication;

    // Signed, not published: nothing to show yet, on any page.
    expect(await published()).toBeNull();
    expect(await publicationsOf(t.db, [decisionId])).toEqual(new Map());
    expect(await publicationsOfProposal(t.db, proposalId)).toEqual([]);

    // The form refuses without its box ticked, and publishes nothing.
    expect(await runCommand(t.db, publishForm, chair.id, { decisionId })).toMatchObject({ code: 'invalid', fieldErrors: { confirmed: 'validation.confirm_publish_decision' } });
    expect(await published()).toBeNull();
    const { reference } = await ok(runCommand(t.db, publishForm, chair.id, { decisionId, confirmed: true }));
    const first = { decisionId, reference, latest: { reference, kind: 'decision' } };
    expect(await published()).toEqual(first);
    expect(await publicationsOfProposal(t.db, proposalId)).toEqual([first]);

    // A correction: the form needs the box and a note; the reasons and summary replace the published ones.
    const correction = { kind: 'correction', reference, note: 'Faute de frappe.', reasons: 'Motifs corrigés.', publicSummary: 'Résumé corrigé.' };
    expect(await runCommand(t.db, correctForm, chair.id, correction)).toMatchObject({ code: 'invalid', fieldErrors: { confirmed: 'validation.confirm_correct_register_entry' } });
    expect(await runCommand(t.db, correctForm, chair.id, { ...correction, note: ' ', confirmed: true })).toMatchObject({ code: 'invalid', fieldErrors: { note: 'validation.required' } });
    expect(await runCommand(t.db, correctForm, chair.id, { ...correction, kind: '', confirmed: true })).toMatchObject({ code: 'invalid' });
    expect(await runCommand(t.db, correctForm, member.id, { ...correction, confirmed: true })).toMatchObject({ code: 'forbidden' });
    const corrected = await ok(runCommand(t.db, correctForm, chair.id, { ...correction, confirmed: true }));
    expect(await published()).toEqual({ decisionId, reference, latest: { reference: corrected.reference, kind: 'correction' } });

    const original = (await entryToCorrect(t.db, reference))!;
    expect(original).toMatchObject({ proposal: { id: proposalId }, correctedBy: corrected.reference, entry: { reference, reasons: 'Motifs d’origine.' } });
    expect(original.proposal.reference).toMatch(/^VIG-\d{4}$/);
    expect(await entryToCorrect(t.db, corrected.reference)).toMatchObject({ correctedBy: null, entry: { kind: 'correction', reasons: 'Motifs corrigés.', publicSummary: 'Résumé corrigé.', note: 'Faute de frappe.' } });
    expect(await entryToCorrect(t.db, 'CE-1999-001')).toBeNull();

    // A revocation needs no new wording (what the form also posts is ignored) and is the latest version from then on.
    const revoked = await ok(runCommand(t.db, correctForm, chair.id, { kind: 'revocation', reference: corrected.reference, note: 'Projet abandonné par le bailleur.', reasons: '', publicSummary: '', confirmed: true }));
    expect(await publicationsOfProposal(t.db, proposalId)).toEqual([{ decisionId, reference, latest: { reference: revoked.reference, kind: 'revocation' } }]);
    expect((await getSession(t.db, chair, sessionId))!.items[0]!.decision!.publication!.latest).toEqual({ reference: revoked.reference, kind: 'revocation' });
  });

  it('keeps each decision’s publications apart', async () => {
    const a = await signedDecision(t.db, people, siteId);
    const b = await signedDecision(t.db, people, siteId);
    const c = await signedDecision(t.db, people, siteId);
    const ra = await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: a.decisionId }));
    const rb = await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: b.decisionId }));
    const found = await publicationsOf(t.db, [a.decisionId, b.decisionId, c.decisionId]);
    expect([...found.keys()].sort()).toEqual([a.decisionId, b.decisionId].sort());
    expect(found.get(a.decisionId)!.reference).toBe(ra.reference);
    expect(found.get(b.decisionId)!.latest.reference).toBe(rb.reference);
    expect(await publicationsOf(t.db, [])).toEqual(new Map());
  });
});
