import type { Role } from '@/db/schema';
import type { ProposalState } from '@/lib/domain/lifecycle';

/**
 * What waits for each role: the states of the files it acts on next. The staff home and
 * the "to do" view of the proposals list both read this table.
 */
export const QUEUES: { key: 'technician' | 'diagnostician' | 'committee'; roles: Role[]; states: ProposalState[]; ownOnly: boolean }[] = [
  { key: 'technician', roles: ['technician'], states: ['draft', 'info_requested'], ownOnly: true },
  { key: 'diagnostician', roles: ['diagnostician'], states: ['submitted', 'in_diagnostic'], ownOnly: false },
  { key: 'committee', roles: ['member', 'chair'], states: ['diagnosed', 'under_review'], ownOnly: false },
];

export function queuesFor(roles: readonly Role[]) {
  return QUEUES.filter((q) => q.roles.some((r) => roles.includes(r)));
}
