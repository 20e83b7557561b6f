import type fr from '../fr/audit';
import type { Shape } from '../shape';

/** Audit events as the timelines show them: `audit.<action>` with the action's dots as nesting. */
const audit: Shape<typeof fr> = {
  audit: {
    user: {
      created: 'Account created',
      role_granted: 'Role granted: {role}',
      role_revoked: 'Role revoked: {role}',
      password_reset: 'Password reset',
      password_changed: 'Password changed by its owner',
      deactivated: 'Account deactivated',
      reactivated: 'Account reactivated',
    },
    proposal: {
      created: 'Proposal created',
      saved: 'Draft saved',
      submit: 'Proposal submitted',
      withdraw: 'Proposal withdrawn',
      startDiagnostic: 'Diagnostic started',
      concludeDiagnostic: 'Diagnostic concluded and signed',
      reviseDiagnostic: 'New version of the diagnostic opened',
      schedule: 'Put on the committee’s agenda',
    },
    diagnostic: {
      saved: 'Diagnostic saved',
    },
    site: {
      created: 'Site added to the register',
      updated: 'Site edited: {fields}',
      archived: 'Site archived',
      restored: 'Site restored',
    },
    by: 'by {name}',
    system: 'the system',
  },
};

export default audit;
