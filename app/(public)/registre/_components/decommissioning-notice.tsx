import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { registerEntry } from '@/db/queries/register';
import { civilDay } from '@/lib/register-search';
import type { RegisterEntry } from '@/lib/domain/register';

/**
 * What a decommissioning entry says on its public page: how many cameras were taken out
 * of service (the entry it amends had that many more), how many remain, the day the camera
 * was taken down (not the day the entry was published), and the reason.
 * Never which way a camera looked (DOMAIN.md rule 7): only counts.
 */
export async function DecommissioningNotice({ entry }: { entry: RegisterEntry }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (!entry.corrects) return null;
  const amended = await registerEntry(publicReadDb(), entry.corrects);
  const count = Math.max(0, (amended?.entry.cameraCount ?? entry.cameraCount) - entry.cameraCount);
  return (
    <div className="notice">
      <p>
        <strong>{t('publicRegister.entry.decommissioningNotice', { count, reference: entry.corrects, remaining: entry.cameraCount })}</strong>{' '}
        <Link href={`/registre/${entry.corrects}`}>{entry.corrects}</Link>
      </p>
      {entry.decommissionedOn ? (
        <p>
          {t('publicRegister.entry.takenDownOn', { date: format.dateTime(civilDay(entry.decommissionedOn), 'date') })}
        </p>
      ) : null}
      {entry.note ? <p>{t('publicRegister.entry.note', { note: entry.note })}</p> : null}
    </div>
  );
}
