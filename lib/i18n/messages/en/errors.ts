import type fr from '../fr/errors';
import type { Shape } from '../shape';

/** Error codes (lib/errors.ts) and lifecycle refusals (lib/domain). */
const errors: Shape<typeof fr> = {
  errors: {
    unauthenticated: 'Your session has expired. Please sign in again.',
    forbidden: 'You do not have the rights needed for this action.',
    invalid: 'Some information is invalid. Please correct the fields shown.',
    not_found: 'Item not found.',
    'conflict:duplicate': 'This item already exists.',
    'conflict:state': 'This action is not possible at the stage the file is in. Reload the page to see its current state.',
    'conflict:stale_version': 'Someone else changed this since you opened the page. Reload the page to see the current version.',
    'conflict:email_taken': 'An account already uses this email address.',
    'conflict:self_lockout': 'You cannot revoke your own administrator role nor deactivate your own account.',
    'conflict:role_already_granted': 'This role is already granted.',
    'conflict:role_not_granted': 'This role is not granted.',
    'conflict:wrong_password': 'The current password is incorrect.',
    'conflict:sso_already_linked': 'This account is already linked to the city’s account.',
    'conflict:too_many_attempts': 'Too many attempts with a wrong password: wait before trying again.',
    internal: 'An unexpected error occurred. Try again; if it persists, contact the administrator.',
    'invalid:query': 'Some parameters of the request are invalid: correct the ones listed.',
  },
  lifecycle: {
    unknown_command: 'Unknown action.',
    not_allowed_from_state: 'This action is not possible at this stage of the proposal.',
    forbidden_role: 'Your role does not allow this action.',
    not_author: 'Only the author of the proposal can do this.',
    reason_required: 'Give the reason for withdrawing.',
    diagnostic_incomplete: 'The diagnostic must be complete and signed before it is concluded.',
    diagnostic_not_concluded: 'The proposal cannot go to committee review without a complete, signed preliminary diagnostic.',
    not_adjourned: 'Only an adjournment sends the proposal back to diagnostic or review.',
    no_final_outcome: 'Only a final opinion (favourable, favourable with conditions or unfavourable) can be published.',
    diagnostic_read_only: 'This diagnostic is concluded and signed: it can no longer be changed. Open a new version to revise it.',
  },
};

export default errors;
