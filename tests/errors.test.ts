import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposals } from '@/db/schema';
import { ERROR_STATUS, errorResponse, isDatabaseRuleRefusal, type ErrorCode } from '@/lib/errors';
import { defineCommand, runCommand } from '@/lib/workflow/command';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeSite, makeUser } from './support/fixtures';

describe('errorResponse', () => {
  it('answers every error code with its status and a JSON body naming the code', async () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      const response = errorResponse(code, { message: 'm', fieldErrors: { title: 'validation.required' } });
      expect(response.status).toBe(ERROR_STATUS[code]);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ error: { code, message: 'm', fieldErrors: { title: 'validation.required' } } });
    }
    expect([errorResponse('forbidden').status, errorResponse('invalid').status, errorResponse('conflict:stale_version').status, errorResponse('not_found').status]).toEqual([403, 422, 409, 404]);
  });

  it('tells the database rules refusals from other errors, on the error or its cause', () => {
    expect(isDatabaseRuleRefusal({ cause: { code: '23514' } })).toBe(true);
    expect(isDatabaseRuleRefusal({ code: 'P0001' })).toBe(true);
    expect(isDatabaseRuleRefusal({ cause: { code: '23505' } })).toBe(false);
    expect(isDatabaseRuleRefusal(new Error('boom'))).toBe(false);
    expect(isDatabaseRuleRefusal(null)).toBe(false);
  });
});

describe.each(BACKENDS)('runCommand and the database rules on %s', (backend) => {
  let t: TestDatabase;
  let chair: { id: string };
  let proposalId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    chair = await makeUser(t.db, ['chair', 'member']);
    const technician = await makeUser(t.db, ['technician']);
    const site = await makeSite(t.db);
    [{ id: proposalId }] = (await t.db
      .insert(proposals)
      .values({ siteId: site.id, authorId: technician.id, title: 'Sans diagnostic', state: 'submitted' })
      .returning({ id: proposals.id })) as [{ id: string }];
  });
  afterAll(() => t.close());

  it('turns a trigger refusal into conflict:state, not an internal error, and writes nothing', async () => {
    // A command that forgot the gate: the database refuses it all the same.
    const careless = defineCommand({
      name: 'careless',
      permission: 'proposals.schedule',
      schema: z.object({}),
      async run(tx) {
        await tx.update(proposals).set({ title: 'Changé' }).where(eq(proposals.id, proposalId));
        await tx.update(proposals).set({ state: 'under_review' }).where(eq(proposals.id, proposalId));
      },
    });
    expect(await runCommand(t.db, careless, chair.id, {})).toEqual({ ok: false, code: 'conflict:state', fieldErrors: {} });
    const [row] = await t.db.select().from(proposals).where(eq(proposals.id, proposalId));
    expect(row).toMatchObject({ state: 'submitted', title: 'Sans diagnostic' });
  });
});
