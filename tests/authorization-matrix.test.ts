import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from '@/lib/auth/permissions';
import type { z } from 'zod';
import { COMMANDS, runCommand } from '@/lib/workflow';
import type { Command } from '@/lib/workflow/command';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeUser } from './support/fixtures';
import { ROLES, type Role } from '@/lib/domain/vocabulary';

/**
 * Every command against every role: a role the permission table does not name is
 * refused before anything else happens, whatever the input. New commands are covered
 * as soon as they are listed in COMMANDS.
 */
describe.each(BACKENDS)('authorization matrix on %s', (backend) => {
  let t: TestDatabase;
  const actors = {} as Record<Role | 'none' | 'deactivated', string>;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    for (const role of ROLES) actors[role] = (await makeUser(t.db, [role])).id;
    actors.none = (await makeUser(t.db, [])).id;
    actors.deactivated = (await makeUser(t.db, [...ROLES], { active: false })).id;
  });
  afterAll(() => t.close());

  it('lists only permissions that exist, for roles that exist', () => {
    for (const command of Object.values(COMMANDS)) expect(Object.keys(PERMISSIONS)).toContain(command.permission);
  });

  for (const [name, command] of Object.entries(COMMANDS) as [string, Command<z.ZodType, unknown>][]) {
    for (const role of ROLES) {
      const allowed = can([role], command.permission);
      it(`${name} is ${allowed ? 'open' : 'refused'} to ${role}`, async () => {
        // An empty input: an allowed role gets past authorization and fails validation.
        const result = await runCommand(t.db, command, actors[role], {});
        expect(result.ok).toBe(false);
        expect(result.ok ? null : result.code).toBe(allowed ? 'invalid' : 'forbidden');
      });
    }
    it(`${name} is refused to anonymous, role-less and deactivated accounts`, async () => {
      expect(await runCommand(t.db, command, null, {})).toMatchObject({ code: 'unauthenticated' });
      expect(await runCommand(t.db, command, actors.none, {})).toMatchObject({ code: 'forbidden' });
      expect(await runCommand(t.db, command, actors.deactivated, {})).toMatchObject({ code: 'unauthenticated' });
    });
  }
});
