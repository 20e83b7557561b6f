import { publicReadDb } from '@/db/client';
import { openDataRoute, preflight } from '@/lib/open-data/http';
import type { ChainVerdictBody } from '@/lib/open-data/schemas';
import { verifyRegister } from '@/lib/open-data/verify';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/register/verify: the whole chain recomputed now. 200 either way (it is a
 * report); never cached, since a row changed in place keeps the register's length.
 */
export const GET = openDataRoute(async () => {
  const verdict: ChainVerdictBody = await verifyRegister(publicReadDb());
  return Response.json(verdict, { headers: { 'Cache-Control': 'no-store' } });
});

export const OPTIONS = preflight;
