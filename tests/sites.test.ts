import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityHistory } from '@/db/queries/audit';
import { activeSites, getSite, listSites } from '@/db/queries/sites';
import { auditEvents, sites } from '@/db/schema';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeUser } from './support/fixtures';
import { ROLES } from '@/lib/domain/vocabulary';

const GHOST = '00000000-0000-4000-8000-000000000000';

/** What the admin types in the form: strings, with French decimal commas. */
const typed = (overrides: Record<string, unknown> = {}) => ({
  name: 'Résidence des Tilleuls',
  address: '5 rue des Tilleuls, 92800 Puteaux',
  landlord: 'Puteaux Habitat (OPH)',
  dwellings: '120',
  latitude: '48,8846',
  longitude: '2,2384',
  ...overrides,
});

describe.each(BACKENDS)('site register on %s', (backend) => {
  let t: TestDatabase;
  let admin: { id: string; name: string };
  const rowCounts = async () => ({
    sites: (await t.db.select({ n: count() }).from(sites))[0]!.n,
    events: (await t.db.select({ n: count() }).from(auditEvents))[0]!.n,
  });
  const eventsOf = (siteId: string) =>
    t.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'site'), eq(auditEvents.entityId, siteId)))
      .orderBy(asc(auditEvents.createdAt));
  async function newSite(overrides: Record<string, unknown> = {}) {
    const result = await runCommand(t.db, COMMANDS.createSite, admin.id, typed(overrides));
    if (!result.ok) throw new Error(`createSite failed: ${result.code}`);
    return (await getSite(t.db, result.value.id))!;
  }

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    admin = await makeUser(t.db, ['admin']);
  });
  afterAll(() => t.close());

  it('creates a site from form text (trimmed, French decimal comma, spaced thousands) with an audit event', async () => {
    const result = await runCommand(t.db, COMMANDS.createSite, admin.id, typed({ name: '  Cité des Fleurs ', dwellings: '1 200', latitude: ' 48,8846 ', longitude: '2.2384' }));
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : '';
    expect(await getSite(t.db, id)).toMatchObject({
      name: 'Cité des Fleurs',
      address: '5 rue des Tilleuls, 92800 Puteaux',
      landlord: 'Puteaux Habitat (OPH)',
      dwellings: 1200,
      latitude: 48.8846,
      longitude: 2.2384,
      archivedAt: null,
    });
    expect(await eventsOf(id)).toEqual([{ action: 'site.created', actorId: admin.id, details: { name: 'Cité des Fleurs' } }]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await rowCounts();
    const result = await runCommand(t.db, COMMANDS.createSite, admin.id, {
      name: '   ',
      address: '',
      landlord: 'x'.repeat(161),
      dwellings: '12,5',
      latitude: '123',
      longitude: 'est',
    });
    expect(result).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: {
        name: 'validation.required',
        address: 'validation.required',
        landlord: { key: 'validation.too_long', params: { max: 160 } },
        dwellings: 'validation.dwellings_range',
        latitude: 'validation.latitude_range',
        longitude: 'validation.number',
      },
    });
    expect(await runCommand(t.db, COMMANDS.createSite, admin.id, typed({ dwellings: '0', longitude: '-180,5' }))).toMatchObject({
      code: 'invalid',
      fieldErrors: { dwellings: 'validation.dwellings_range', longitude: 'validation.longitude_range' },
    });
    // Not a plain decimal, even though JavaScript's Number() would take it.
    expect(await runCommand(t.db, COMMANDS.createSite, admin.id, typed({ latitude: '0x1F', dwellings: '' }))).toMatchObject({
      code: 'invalid',
      fieldErrors: { latitude: 'validation.number', dwellings: 'validation.required' },
    });
    expect(await runCommand(t.db, COMMANDS.createSite, admin.id, 'garbage')).toMatchObject({ ok: false, code: 'invalid' });

    const site = await newSite();
    const afterCreate = await rowCounts();
    const update = await runCommand(t.db, COMMANDS.updateSite, admin.id, {
      ...typed({ latitude: '-91', dwellings: '100001' }),
      siteId: site.id,
      revision: site.revision,
    });
    expect(update).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { latitude: 'validation.latitude_range', dwellings: 'validation.dwellings_range' },
    });
    expect(await rowCounts()).toEqual(afterCreate);
    expect(afterCreate).toEqual({ sites: before.sites + 1, events: before.events + 1 });
    expect(await getSite(t.db, site.id)).toEqual(site);
  });

  it('updates a site with the version it was opened at, recording the changed fields', async () => {
    const site = await newSite();
    const result = await runCommand(t.db, COMMANDS.updateSite, admin.id, {
      ...typed({ landlord: 'Seine-Ouest Logement', dwellings: '150', latitude: '48,885' }),
      siteId: site.id,
      revision: site.revision,
    });
    expect(result).toEqual({ ok: true, value: { changed: ['landlord', 'dwellings', 'latitude'] } });
    const after = (await getSite(t.db, site.id))!;
    expect(after).toMatchObject({ landlord: 'Seine-Ouest Logement', dwellings: 150, latitude: 48.885, name: site.name, createdAt: site.createdAt });
    // The revision moved on, so a form opened before this change is now out of date.
    expect(after.revision).toBe(site.revision + 1);
    expect((await eventsOf(site.id)).at(-1)).toEqual({
      action: 'site.updated',
      actorId: admin.id,
      details: {
        changes: {
          landlord: { from: 'Puteaux Habitat (OPH)', to: 'Seine-Ouest Logement' },
          dwellings: { from: 120, to: 150 },
          latitude: { from: 48.8846, to: 48.885 },
        },
      },
    });
  });

  it('saves an unchanged form without a write or an event', async () => {
    const site = await newSite();
    const before = await rowCounts();
    const result = await runCommand(t.db, COMMANDS.updateSite, admin.id, { ...typed(), siteId: site.id, revision: site.revision });
    expect(result).toEqual({ ok: true, value: { changed: [] } });
    expect(await rowCounts()).toEqual(before);
    expect(await getSite(t.db, site.id)).toEqual(site);
  });

  it('refuses an update made from an out-of-date page with conflict:stale_version, changing nothing', async () => {
    const site = await newSite();
    const openedAt = site.revision;
    // Someone else saves first...
    expect(await runCommand(t.db, COMMANDS.updateSite, admin.id, { ...typed({ name: 'Résidence des Tilleuls (bât. A)' }), siteId: site.id, revision: openedAt })).toMatchObject({ ok: true });
    const current = (await getSite(t.db, site.id))!;
    const before = await rowCounts();
    // ...then the first page is sent, still carrying the version it was opened with.
    const stale = await runCommand(t.db, COMMANDS.updateSite, admin.id, { ...typed({ dwellings: '999' }), siteId: site.id, revision: openedAt });
    expect(stale).toEqual({ ok: false, code: 'conflict:stale_version', fieldErrors: {} });
    expect(await rowCounts()).toEqual(before);
    expect(await getSite(t.db, site.id)).toEqual(current);

    // Archiving is a change too: an edit form opened before it is out of date.
    expect(await runCommand(t.db, COMMANDS.archiveSite, admin.id, { siteId: site.id })).toMatchObject({ ok: true });
    expect(await runCommand(t.db, COMMANDS.updateSite, admin.id, { ...typed(), siteId: site.id, revision: current.revision })).toMatchObject({
      code: 'conflict:stale_version',
    });
  });

  it('archives and restores a site: it leaves and rejoins the proposal picker, its history kept', async () => {
    const site = await newSite({ name: 'Les Acacias' });
    expect((await activeSites(t.db)).map((s) => s.id)).toContain(site.id);

    expect(await runCommand(t.db, COMMANDS.archiveSite, admin.id, { siteId: site.id })).toEqual({ ok: true, value: undefined });
    const archived = (await getSite(t.db, site.id))!;
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await activeSites(t.db)).map((s) => s.id)).not.toContain(site.id);
    expect((await listSites(t.db, { includeArchived: false })).map((s) => s.id)).not.toContain(site.id);
    // Archived sites stay in the admin's register, after every active one.
    const register = await listSites(t.db, { includeArchived: true });
    const firstArchived = register.findIndex((s) => s.archivedAt !== null);
    expect(register.map((s) => s.id)).toContain(site.id);
    expect(register.slice(firstArchived).every((s) => s.archivedAt !== null)).toBe(true);

    // A second archive (a resent form) changes nothing and records nothing.
    const before = await rowCounts();
    expect(await runCommand(t.db, COMMANDS.archiveSite, admin.id, { siteId: site.id })).toMatchObject({ ok: true });
    expect(await rowCounts()).toEqual(before);
    expect(await getSite(t.db, site.id)).toEqual(archived);

    expect(await runCommand(t.db, COMMANDS.restoreSite, admin.id, { siteId: site.id })).toMatchObject({ ok: true });
    expect((await getSite(t.db, site.id))!.archivedAt).toBeNull();
    expect((await activeSites(t.db)).map((s) => s.id)).toContain(site.id);
    expect(await runCommand(t.db, COMMANDS.restoreSite, admin.id, { siteId: site.id })).toMatchObject({ ok: true });

    expect(await eventsOf(site.id)).toMatchObject([{ action: 'site.created' }, { action: 'site.archived' }, { action: 'site.restored' }]);
    const history = await entityHistory(t.db, 'site', site.id);
    expect(history.map((e) => e.action)).toEqual(['site.restored', 'site.archived', 'site.created']);
    expect(history[0]!.actorName).toBe(admin.name);
  });

  it('lists active sites by name, the French way', async () => {
    await newSite({ name: 'Élysée Parc' });
    await newSite({ name: 'Eglantiers' });
    await newSite({ name: 'Zola' });
    const names = (await activeSites(t.db)).map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));
    expect(names.indexOf('Élysée Parc')).toBeLessThan(names.indexOf('Zola'));
  });

  it('refuses to change a site that does not exist', async () => {
    expect(await runCommand(t.db, COMMANDS.archiveSite, admin.id, { siteId: GHOST })).toMatchObject({ code: 'not_found' });
    expect(await runCommand(t.db, COMMANDS.restoreSite, admin.id, { siteId: GHOST })).toMatchObject({ code: 'not_found' });
    expect(await runCommand(t.db, COMMANDS.updateSite, admin.id, { ...typed(), siteId: GHOST, revision: 1 })).toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses every other role, even with valid input, and writes nothing', async () => {
    const site = await newSite();
    const before = await rowCounts();
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const person = await makeUser(t.db, [role]);
      const refused = { ok: false, code: 'forbidden', fieldErrors: {} };
      expect(await runCommand(t.db, COMMANDS.createSite, person.id, typed())).toEqual(refused);
      expect(await runCommand(t.db, COMMANDS.updateSite, person.id, { ...typed({ name: 'Autre' }), siteId: site.id, revision: site.revision })).toEqual(refused);
      expect(await runCommand(t.db, COMMANDS.archiveSite, person.id, { siteId: site.id })).toEqual(refused);
      expect(await runCommand(t.db, COMMANDS.restoreSite, person.id, { siteId: site.id })).toEqual(refused);
    }
    expect(await rowCounts()).toEqual(before);
    expect(await getSite(t.db, site.id)).toEqual(site);
  });
});
