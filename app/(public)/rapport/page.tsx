import { redirect } from 'next/navigation';
import { publicReadDb } from '@/db/client';
import { reportYears } from '@/db/queries/annual-report';
import { parisDate } from '@/lib/domain/paris-time';

export const dynamic = 'force-dynamic';

/** /rapport: the current year's report, or the latest year with data while the current one has none yet. */
export default async function LatestReport() {
  const thisYear = Number(parisDate(new Date()).slice(0, 4));
  const years = await reportYears(publicReadDb());
  const target = years.length === 0 || years.includes(thisYear) ? thisYear : (years.find((y) => y < thisYear) ?? thisYear);
  redirect(`/rapport/${target}`);
}
