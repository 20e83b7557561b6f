/** The scheduled jobs' page (admin). English: same keys as the French reference. */
const jobs = {
  jobs: {
    nav: 'Scheduled jobs',
    title: 'Scheduled jobs',
    runsHere: 'This instance of the app runs the jobs itself, every {minutes, plural, one {# minute} other {# minutes}}. Several instances may do so: each reminder is sent only once.',
    notHere: 'This instance does not run the jobs (JOBS_ENABLED=false): another instance or a cron job (npm run jobs -- --once) does.',
    once: 'Reminders go out once per deadline: authorisation renewals, the prefecture’s time to answer, conditions past due, residents’ questions waiting. A file’s re-review opens by itself when its renewal is due.',
    jobsCaption: 'Jobs',
    name: 'Job',
    lastRun: 'Last run',
    nextRun: 'Next run',
    state: 'State',
    lastError: 'Last error',
    never: 'Never',
    noJobs: 'No job has run yet.',
    running: 'Running ({worker})',
    idle: 'Waiting',
    noError: 'None',
    names: { reminders: 'Reminders and re-reviews' },
    remindersTitle: 'Reminders of the last 30 days',
    remindersCaption: '{count, plural, =0 {No reminder sent in the last 30 days} one {# reminder sent in the last 30 days} other {# reminders sent in the last 30 days}}',
    sentAt: 'Sent on',
    kind: 'Reminder',
    dueOn: 'Deadline',
    kinds: {
      renewal_due: 'Authorisation renewal to prepare',
      silence_deadline: 'Prefecture’s time to answer running out',
      condition_overdue: 'Condition past due, not checked',
      resident_question_to_moderate: 'Resident’s question to moderate',
      resident_question_to_answer: 'Resident’s question unanswered',
      re_review_opened: 'Re-review opened',
    },
  },
};

export default jobs;
