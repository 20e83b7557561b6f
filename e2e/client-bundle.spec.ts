import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findServerCodeInClientChunks } from '../scripts/check-client-bundle';

// The demo that the journeys drive was built by `npm run demo` just before: its browser
// chunks must hold no server code (drizzle, pg, anything server-only).
test('the browser chunks of the build under test carry no server code', () => {
  expect(findServerCodeInClientChunks(path.resolve('.next/static'))).toEqual([]);
});
