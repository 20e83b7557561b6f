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
  /**
   * After the vote: record the prefect's authorisation (request, acknowledgement of receipt,
   * CDVP opinion, decision with the order's retention, notice of commissioning) or, for a
   * landlord's common-area cameras, the landlord's board decision and the police convention.
   */
  'authorisations.manage': ['diagnostician', 'admin'],
  /** Record cameras put in service and taken out of service (a decommissioning is published). */
  'cameras.service': ['diagnostician', 'admin'],
  /** Mark a decision's conditions met or not met, with a note. */
  'conditions.followUp': ['diagnostician', 'chair', 'admin'],
  /** The delinquency observatory: enter and import yearly figures per site. */
  'observatory.manage': ['diagnostician'],
  /** Residents' questions: the secretariat moderates them before they are shown. */
  'questions.moderate': ['admin'],
  /** Answer a resident's question: the chair, or the member the chair designated (checked per question). */
  'questions.answer': ['member', 'chair'],
  /** The scheduled jobs' page: last and next runs, errors, reminders sent (the secretariat). */
  'jobs.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
