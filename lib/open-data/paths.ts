/**
 * The open data's addresses (served by app/api/v1), as the register's pages link to them:
 * plain links, since they are files and feeds rather than pages of the app.
 */
export const OPEN_DATA_PATHS = {
  decisions: '/api/v1/decisions',
  csv: '/api/v1/decisions.csv',
  atom: '/api/v1/decisions.atom',
  geojson: '/api/v1/decisions.geojson',
  verify: '/api/v1/register/verify',
  entry: (reference: string) => `/api/v1/decisions/${reference}`,
  siteAtom: (siteId: string) => `/api/v1/sites/${siteId}/decisions.atom`,
} as const;
