import { ROLES, type Role } from '@/lib/domain/vocabulary';

/**
 * The one table that says which role may do what. Every command (lib/workflow) and
 * every staff page names one of these; tests enumerate it against every role.
 */
export const PERMISSIONS = {
  /** Enter the staff area at all. */
  'staff.access': ROLES,
  'account.changePassword': ROLES,
  'users.manage': ['admin'],
  'sites.manage': ['admin'],
  /** Draft, edit, submit and withdraw one's own proposals. */
  'proposals.draft': ['technician'],
  /** Open the proposals area; which files each person sees is lib/auth/visibility.ts. */
  'proposals.read': ROLES,
  /** Start, fill in, conclude and sign preliminary diagnostics. */
  'diagnostics.conduct': ['diagnostician'],
  /** Read one's own notices and mark them read (nobody reads another person's). */
  'notices.read': ROLES,
  /** Put a diagnosed file on the committee's agenda (under review). */
  'proposals.schedule': ['chair'],
  /** The committee's rules: quorum, majority, casting vote, notice period, proxies. */
  'committee.settings': ['admin'],
  /** Plan, convene, hold and close sessions; agenda, attendance, votes and decisions. */
  'committee.chair': ['chair'],
  /** Take part as a member: declare a conflict, propose conditions as rapporteur, vote. */
  'committee.member': ['member', 'chair'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
