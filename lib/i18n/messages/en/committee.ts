import type fr from '../fr/committee';
import type { Shape } from '../shape';

/** The committee at work: sessions, agenda, attendance, conflicts, votes, decisions. */
const committee: Shape<typeof fr> = {
  committee: {
    outcomes: {
      favourable: 'Favourable opinion',
      favourable_with_conditions: 'Favourable opinion with conditions',
      unfavourable: 'Unfavourable opinion',
      adjourned: 'Adjourned',
    },
    choices: { for: 'For', against: 'Against', abstain: 'Abstain' },
    sessionStates: { planned: 'Planned', convened: 'Convened', held: 'Held', closed: 'Closed' },
    attendance: { present: 'Present', excused: 'Excused', absent: 'Absent', proxy: 'Gave a proxy' },
    conditionKinds: {
      masking: 'Masking',
      retention: 'Retention period',
      signage: 'Public information',
      placement: 'Placement',
      re_review: 'Re-review',
      other: 'Other',
    },
    refusals: {
      empty_agenda: 'Put at least one file on the agenda before convening the session.',
      late_reason_required: 'The session is sooner than the notice period: say why it is convened so late.',
      not_yet: 'The session can only be held from its scheduled day.',
      votes_open: 'Votes are still open: close them before closing the session.',
      session_not_planned: 'The agenda can only change until the session is convened.',
      session_not_held: 'This is only possible during a held session.',
      not_under_review: 'Only a file under review by the committee can be put on the agenda.',
      already_on_agenda: 'This file is already on the agenda of a session.',
      not_serving: 'This person is not a member of the committee.',
      recused: 'You are recused on this file: you may read it, but neither deliberate nor vote.',
      rapporteur_recused: 'This member is recused on this file and cannot be its rapporteur.',
      not_rapporteur: 'Only the file’s rapporteur, or the chair, may propose conditions.',
      item_not_scheduled: 'This file is no longer waiting for review in this session.',
      vote_not_open: 'The vote on this file is not open.',
      vote_opened: 'The vote on this file is already open: it is too late to declare a conflict of interest.',
      no_quorum: 'No quorum: {present, plural, =0 {no member present} one {# member present} other {# members present}} who may vote, {required} required.',
      attendance_incomplete: 'Give the attendance of every committee member, once each.',
      proxies_not_allowed: 'Proxies are not allowed by the committee’s rules.',
      proxy_holder_absent: 'A proxy can only be given to a present member who holds no other.',
      not_present: 'Only present members vote, for themselves or for the member who gave them a proxy.',
      not_adjourned: 'This file was not adjourned.',
      session_not_closed: 'The minutes are signed once the session is closed.',
      minutes_signed: 'These minutes are already signed: they can no longer be changed.',
      decision_signed: 'This opinion is signed: it can no longer be changed.',
    },
  },
};

export default committee;
