import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findServerCodeInClientChunks, leafletOutsideMapPages, pagesShippingLeaflet } from '../scripts/check-client-bundle';

// The demo that the journeys drive was built by `npm run demo` just before: its browser
// chunks must hold no server code (drizzle, pg, anything server-only).
test('the browser chunks of the build under test carry no server code', () => {
  expect(findServerCodeInClientChunks(path.resolve('.next/static'))).toEqual([]);
});

// The map library is heavy and only /carte (and the staff camera-placement form) needs it.
test('Leaflet ships with the map page and no other public page', () => {
  const uses = pagesShippingLeaflet(path.resolve('.next'));
  // The check sees Leaflet where it is: the map page carries both its JavaScript and its CSS.
  expect(uses.filter((u) => u.page === '/(public)/carte').map((u) => path.extname(u.file)).sort()).toEqual(['.css', '.js']);
  expect(leafletOutsideMapPages(path.resolve('.next'))).toEqual([]);
});
