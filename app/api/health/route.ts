import { databaseAnswers } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** 200 when the database answers, 503 otherwise (for load balancers and monitoring; people read /etat). */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  return (await databaseAnswers())
    ? Response.json({ status: 'ok' }, { headers })
    : Response.json({ status: 'unavailable' }, { status: 503, headers });
}
