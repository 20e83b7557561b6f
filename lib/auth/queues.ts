import { type Role, type ProposalState } from '@/lib/domain/vocabulary';

/**
 * What waits for each role: the states of the files it acts on next. The staff home and
 * the "to do" view of the proposals list both read this table. Each queue's heading
 * names its states, so a file is listed under a heading that says what it is: "ready for
 * the committee" holds diagnosed files only, those under review have their own queue.
 */
export const QUEUES: { key: 'technician' | 'diagnostician' | 'committee' | 'review'; roles: Role[]; states: ProposalState[]; ownOnly: boolean }[] = [
  { key: 'technician', roles: ['technician'], states: ['draft', 'info_requested'], ownOnly: true },
  { key: 'diagnostician', roles: ['diagnostician'], states: ['submitted', 'in_diagnostic'], ownOnly: false },
  { key: 'committee', roles: ['member', 'chair'], states: ['diagnosed'], ownOnly: false },
  { key: 'review', roles: ['member', 'chair'], states: ['under_review'], ownOnly: false },
];

export type Queue = (typeof QUEUES)[number];

export function queuesFor(roles: readonly Role[]): Queue[] {
  return QUEUES.filter((q) => q.roles.some((r) => roles.includes(r)));
}

/** Whether a file waits in this queue for this person. */
export function inQueue(queue: Queue, file: { state: ProposalState; authorId: string }, personId: string): boolean {
  return queue.states.includes(file.state) && (!queue.ownOnly || file.authorId === personId);
}
