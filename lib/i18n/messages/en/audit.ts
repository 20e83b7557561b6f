import type fr from '../fr/audit';
import type { Shape } from '../shape';

/** Audit events as the timelines show them: `audit.<kind>` with the kind's dots as nesting. */
const audit: Shape<typeof fr> = {
  audit: {
    user: {
      created: 'Account created{via, select, oidc { at first sign-in through single sign-on} command_line { from the command line} other {}}',
      role_granted: 'Role granted: {role}',
      role_revoked: 'Role revoked: {role}',
      password_reset: 'Password reset',
      password_changed: 'Password changed by its owner',
      deactivated: 'Account deactivated',
      reactivated: 'Account reactivated',
      sso_link_allowed: 'Link to the city’s account allowed at the next sign-in',
      sso_linked: 'Account linked to the city’s account',
    },
    proposal: {
      created: 'Proposal created',
      saved: 'Draft saved',
      facts_from_observatory: 'Facts taken from the observatory ({rows} rows, version {version})',
      dpia_attached: 'Impact assessment (DPIA) attached to the diagnostic (version {version}): {fileName}',
      opened_from_decision: '{kind, select, re_review {Re-review opened before the authorisation expires} other {Change request opened}}, pre-filled from the earlier file',
      submit: 'Proposal submitted',
      withdraw: 'Proposal withdrawn',
      startDiagnostic: 'Diagnostic started',
      concludeDiagnostic: 'Diagnostic concluded and signed',
      reviseDiagnostic: 'New version of the diagnostic opened',
      schedule: 'Put on the committee’s agenda',
      requestInfo: 'Questions put to the technician',
      answerInfo: 'The committee’s questions answered',
      openVote: 'Vote opened',
      closeVote: 'Vote closed',
      adjournToDiagnostic: 'Opinion adjourned: back to diagnostic',
      adjournToReview: 'Opinion adjourned: back to review',
      publish: 'Opinion published in the register',
    },
    diagnostic: {
      saved: 'Diagnostic saved (version {version})',
    },
    figures: {
      imported: 'Observatory import: {fileName} ({rows} rows)',
      entered: 'Observatory figures entered for {year}',
    },
    site: {
      created: 'Site added to the register',
      updated: 'Site changed: {fields}',
      archived: 'Site archived',
      restored: 'Site restored',
    },
    settings: {
      updated: 'Committee rules changed{changes, select, none {} other {: {changes}}}',
    },
    session: {
      planned: 'Session planned',
      agenda_added: 'File put on the agenda',
      agenda_removed: 'File taken off the agenda',
      rapporteur_set: 'Rapporteur appointed',
      conditions_proposed: '{count, plural, =0 {Conditions withdrawn} one {# condition proposed} other {# conditions proposed}}',
      convene: 'Session convened',
      hold: 'Session held: attendance recorded',
      close: 'Session closed',
      minutes_signed: 'Minutes signed',
    },
    conflict: {
      recorded: '{source, select, recorded_by_chair {Conflict of interest declared in session, recorded by the chair} other {Conflict of interest declared}}',
    },
    vote: {
      cast: '{previous, select, none {Vote cast} other {Vote changed}}{byProxy, select, true { (by proxy)} other {}}',
    },
    item: {
      adjourned: 'Review adjourned without a vote',
      carried_over: 'File not reached, carried over to a later session',
    },
    decision: {
      entered_in_register: '{kind, select, decision {Entered in the public register as {reference}} correction {Correction {reference} entered in the public register (corrects {corrects})} decommissioning {Decommissioning {reference} entered in the public register (amends {corrects})} other {Revocation {reference} entered in the public register (revokes {corrects})}}',
      dissent_attached: 'Dissent attached to the opinion',
      signed: 'Reasoned opinion signed: {outcome}',
    },
    camera: {
      commissioned: 'Put in service: {cameras}',
      one: 'camera {n} on {date}',
      decommissioned: 'Camera {n} taken out of service on {date}{reference, select, none {} other { (register entry {reference})}}',
    },
    question: {
      approved: 'Resident’s question approved and published',
      rejected: 'Resident’s question rejected at moderation',
      assigned: 'Answer to a resident’s question entrusted to a member',
      answered: 'Answer published to a resident’s question',
    },
    deliberation: {
      posted: 'Message added to the committee’s internal deliberation',
    },
    authorisation: {
      filed: '{correction, select, true {Prefecture filing corrected} other {Authorisation request filed at the prefecture}}: on {day}, file {reference}',
      cdvp_opinion: '{correction, select, true {CDVP opinion corrected} other {CDVP opinion recorded}}: {opinion}, on {day}',
      prefect_decision: '{decision, select, granted {Prefectoral authorisation granted on {day}, order {reference}{retention, select, none {} other {, image retention {retention} days}}} other {Prefectoral authorisation refused on {day}}}{correction, select, true { (correction)} other {}}',
      acknowledged: "{correction, select, true {Acknowledgement of receipt corrected} other {Prefecture's acknowledgement of receipt recorded}}: request received on {day}",
      commissioning_notice: '{correction, select, true {Notice to the prefect corrected} other {Prefect told of the commissioning}}: on {day}',
    },
    landlord: {
      decision_recorded: "{correction, select, true {Landlord's decision corrected} other {Landlord's decision recorded}}: board decision of {day}, resolution {reference}{transmission, select, true {, images go to the police (convention of {conventionDay}, {conventionReference})} other {}}",
    },
    condition: {
      checked: 'Condition no. {number} checked on {day}: {status, select, met {met} other {not met}}',
    },
    unknown: 'Unlisted event ({kind})',
    by: 'by {name}',
    system: 'the system',
    transition: '{from} → {to}',
    reason: 'Reason: {reason}',
  },
};

export default audit;
