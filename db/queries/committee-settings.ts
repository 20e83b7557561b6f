import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { committeeSettings, type CommitteeSettingsRow } from '@/db/schema';

/** The committee's rules as they stand (one row, created by the migrations). */
export async function getCommitteeSettings(db: DbOrTx): Promise<CommitteeSettingsRow> {
  const [row] = await db.select().from(committeeSettings).where(eq(committeeSettings.id, 1));
  if (!row) throw new Error('committee_settings has no row: run the migrations');
  return row;
}
