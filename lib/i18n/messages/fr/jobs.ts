/** The scheduled jobs' page (admin): what runs by itself, when, and what it sent. French: the reference. */
const jobs = {
  jobs: {
    nav: 'Tâches programmées',
    title: 'Tâches programmées',
    runsHere: 'Cette instance de l’application lance les tâches elle-même, toutes les {minutes, plural, one {# minute} other {# minutes}}. Plusieurs instances peuvent le faire : chaque rappel n’est envoyé qu’une fois.',
    notHere: 'Cette instance ne lance pas les tâches (JOBS_ENABLED=false) : une autre instance ou une tâche cron (npm run jobs -- --once) s’en charge.',
    once: 'Les rappels partent une seule fois par échéance : renouvellements d’autorisation, délai de réponse de la préfecture, conditions échues, questions d’habitant·es en attente. Le réexamen d’un dossier s’ouvre de lui-même quand son renouvellement est dû.',
    jobsCaption: 'Tâches',
    name: 'Tâche',
    lastRun: 'Dernière exécution',
    nextRun: 'Prochaine exécution',
    state: 'État',
    lastError: 'Dernière erreur',
    never: 'Jamais',
    noJobs: 'Aucune tâche n’a encore été lancée.',
    running: 'En cours ({worker})',
    idle: 'En attente',
    noError: 'Aucune',
    names: { reminders: 'Rappels et réexamens' },
    remindersTitle: 'Rappels des 30 derniers jours',
    remindersCaption: '{count, plural, =0 {Aucun rappel envoyé ces 30 derniers jours} one {# rappel envoyé ces 30 derniers jours} other {# rappels envoyés ces 30 derniers jours}}',
    sentAt: 'Envoyé le',
    kind: 'Rappel',
    dueOn: 'Échéance',
    kinds: {
      renewal_due: 'Renouvellement d’autorisation à préparer',
      silence_deadline: 'Délai de réponse de la préfecture bientôt échu',
      condition_overdue: 'Condition échue non vérifiée',
      resident_question_to_moderate: 'Question d’habitant·e à modérer',
      resident_question_to_answer: 'Question d’habitant·e sans réponse',
      re_review_opened: 'Réexamen ouvert',
    },
  },
};

export default jobs;
