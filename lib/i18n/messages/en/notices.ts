import type fr from '../fr/notices';
import type { Shape } from '../shape';

/** Notices: the in-app list and the emails (sent in French for now; kept here so the catalogs match). */
const notices: Shape<typeof fr> = {
  notices: {
    title: 'Notifications',
    intro: 'What waits for you or concerns you: convocations, votes, the committee’s questions, decisions, diagnostics to carry out. Opening this page marks nothing as read.',
    nav: '{count, plural, =0 {Notifications} one {Notifications (# unread)} other {Notifications (# unread)}}',
    summary: '{total, plural, =0 {No notifications.} one {# notification} other {# notifications}}{unread, plural, =0 {} other {, # unread}}.',
    listLabel: 'Your notifications, newest first',
    empty: 'You have no notifications.',
    unread: 'Unread',
    read: 'Read on {date}',
    receivedOn: 'Received on {date}',
    openProposal: 'Open the file',
    openSession: 'See the session',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    markedRead: 'The notification is marked as read.',
    markedAllRead: 'Your notifications are marked as read.',
    kinds: {
      convocation: 'Convocation to the committee’s session no. {session}, on {date}',
      vote_opened: 'Vote open on file {reference}: {title}',
      question_to_answer: 'The committee has questions for you on file {reference}: {title}',
      decision_on_your_file: 'Decision on your file {reference}: {title}',
      diagnostic_to_carry_out: 'Preliminary diagnostic to carry out on file {reference}: {title}',
      renewal_due: 'Authorisation renewal to prepare for file {reference}: {title}',
      silence_deadline: 'The prefecture’s time to answer is nearly over for file {reference}: {title}',
      condition_overdue: 'Condition not checked by its due date on file {reference}: {title}',
      resident_question_to_moderate: 'Resident’s question to moderate on file {reference}: {title}',
      resident_question_to_answer: 'Resident’s question to answer on file {reference}: {title}',
      re_review_opened: 'Re-review opened: file {reference}: {title}',
    },
    email: {
      greeting: 'Hello {name},',
      bodies: {
        convocation: 'You are convened to session no. {session} of the video-protection ethics committee, on {date} (Paris time).',
        vote_opened: 'The committee’s vote is open on file {reference} ({title}). You can vote in Vigie.',
        question_to_answer: 'The ethics committee is waiting for your answers to its questions on file {reference} ({title}).',
        decision_on_your_file: 'The ethics committee has decided on your file {reference} ({title}).',
        diagnostic_to_carry_out: 'File {reference} ({title}) has been submitted: its preliminary diagnostic is to be carried out.',
        renewal_due: 'The prefect’s authorisation of file {reference} ({title}) expires in less than four months: the prefecture expects the renewal file, and the committee’s re-review is open.',
        silence_deadline: 'The prefecture has not yet decided on the authorisation request of file {reference} ({title}). Four months after filing, its silence means refusal.',
        condition_overdue: 'A condition set by the committee on file {reference} ({title}) is past its due date and has not been checked.',
        resident_question_to_moderate: 'A resident asked a question about the decision on file {reference} ({title}). It waits for your moderation before it is shown.',
        resident_question_to_answer: 'A resident’s question about the decision on file {reference} ({title}) waits for the committee’s answer.',
        re_review_opened: 'The re-review of file {reference} ({title}) is open before its authorisation expires: its new diagnostic is to be carried out.',
      },
      place: 'Place: {place}',
      videoLink: 'Video call: {link}',
      calendar: 'The attached invitation (.ics file) adds the session to your calendar.',
      link: 'To open it: {url}',
      linkLabel: 'Open in Vigie',
      footer: 'Sent by Vigie. All your notifications: {url}',
      calendarTitle: 'Video-protection ethics committee – session no. {session}',
      organizer: 'Video-protection ethics committee',
    },
  },
};

export default notices;
