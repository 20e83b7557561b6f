import { isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sites } from '@/db/schema';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { csvTemplate } from '@/lib/domain/observatory-csv';
import { errorResponse } from '@/lib/errors';
import { currentParisYear, FACT_TYPE_LABELS } from '@/lib/workflow/observatory';

/**
 * The observatory's CSV template (issue 10, item 5): the header, then one line per active
 * site and type for last year, the count left blank for the officer to fill in. Staff
 * only (the prevention officer's permission): it holds nothing secret (site names are
 * public in the register), but it is a working document of the staff area, and a file
 * imported unfilled is refused (blank counts), so nothing can be imported by mistake.
 */
export async function GET(): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return errorResponse('unauthenticated');
  if (!can(actor.roles, 'observatory.manage')) return errorResponse('forbidden');
  const names = (await getDb().select({ name: sites.name }).from(sites).where(isNull(sites.archivedAt))).map((s) => s.name).sort((a, b) => a.localeCompare(b, 'fr'));
  const body = csvTemplate({ typeLabels: FACT_TYPE_LABELS, currentYear: currentParisYear(), siteNames: names });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="observatoire-modele.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
