import type { PublicEntry } from '@/db/queries/register';
import type { ServedDecision } from './schemas';

/**
 * A register entry as the open data serves it: the sealed entry, field for field, then its
 * serve-time follow-up (left out of the hash: lib/domain/register.ts SERVE_TIME_FIELDS).
 */
export function served(item: Pick<PublicEntry, 'entry' | 'followUp'>): ServedDecision {
  return { ...item.entry, authorisation: item.followUp.authorisation, landlordDecision: item.followUp.landlordDecision, cameras: item.followUp.cameras, conditionsFollowUp: item.followUp.conditions };
}
