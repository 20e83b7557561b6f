/**
 * Notices: the in-app list (Notifications) and the emails sent for the same notices.
 * Emails are always written in French (there is no per-person language yet); the English
 * catalog keeps every key so that the in-app list reads in both. French: the reference.
 */
const notices = {
  notices: {
    title: 'Notifications',
    intro: 'Ce qui vous attend ou vous concerne : convocations, votes, questions du comité, décisions, diagnostics à mener. Ouvrir cette page ne marque rien comme lu.',
    nav: '{count, plural, =0 {Notifications} one {Notifications (# non lue)} other {Notifications (# non lues)}}',
    summary: '{total, plural, =0 {Aucune notification.} one {# notification} other {# notifications}}{unread, plural, =0 {} one {, dont # non lue} other {, dont # non lues}}.',
    listLabel: 'Vos notifications, les plus récentes d’abord',
    empty: 'Vous n’avez aucune notification.',
    unread: 'Non lue',
    read: 'Lue le {date}',
    receivedOn: 'Reçue le {date}',
    openProposal: 'Ouvrir le dossier',
    openSession: 'Voir la séance',
    markRead: 'Marquer comme lue',
    markAllRead: 'Tout marquer comme lu',
    markedRead: 'La notification est marquée comme lue.',
    markedAllRead: 'Vos notifications sont marquées comme lues.',
    kinds: {
      convocation: 'Convocation à la séance n°{session} du comité, le {date}',
      vote_opened: 'Vote ouvert sur le dossier {reference} : {title}',
      question_to_answer: 'Le comité vous pose des questions sur le dossier {reference} : {title}',
      decision_on_your_file: 'Décision rendue sur votre dossier {reference} : {title}',
      diagnostic_to_carry_out: 'Diagnostic préalable à mener sur le dossier {reference} : {title}',
      renewal_due: 'Renouvellement de l’autorisation à préparer pour le dossier {reference} : {title}',
      silence_deadline: 'Délai de réponse de la préfecture bientôt échu pour le dossier {reference} : {title}',
      condition_overdue: 'Condition non vérifiée à l’échéance sur le dossier {reference} : {title}',
      resident_question_to_moderate: 'Question d’un·e habitant·e à modérer sur le dossier {reference} : {title}',
      resident_question_to_answer: 'Question d’un·e habitant·e à laquelle répondre sur le dossier {reference} : {title}',
      re_review_opened: 'Réexamen ouvert : dossier {reference} : {title}',
    },
    email: {
      greeting: 'Bonjour {name},',
      bodies: {
        convocation: 'Vous êtes convoqué·e à la séance n°{session} du comité d’éthique de la vidéoprotection, le {date} (heure de Paris).',
        vote_opened: 'Le vote du comité est ouvert sur le dossier {reference} ({title}). Vous pouvez voter dans Vigie.',
        question_to_answer: 'Le comité d’éthique attend vos réponses à ses questions sur le dossier {reference} ({title}).',
        decision_on_your_file: 'Le comité d’éthique a rendu sa décision sur votre dossier {reference} ({title}).',
        diagnostic_to_carry_out: 'Le dossier {reference} ({title}) a été déposé : son diagnostic préalable est à mener.',
        renewal_due: 'L’autorisation préfectorale du dossier {reference} ({title}) expire dans moins de quatre mois : la préfecture attend le dossier de renouvellement, et le réexamen par le comité est ouvert.',
        silence_deadline: 'La préfecture n’a pas encore statué sur la demande d’autorisation du dossier {reference} ({title}). Passé quatre mois après le dépôt, son silence vaut refus.',
        condition_overdue: 'Une condition posée par le comité sur le dossier {reference} ({title}) a dépassé son échéance sans avoir été vérifiée.',
        resident_question_to_moderate: 'Un·e habitant·e a posé une question sur la décision du dossier {reference} ({title}). Elle attend votre modération avant d’être publiée.',
        resident_question_to_answer: 'Une question d’un·e habitant·e sur la décision du dossier {reference} ({title}) attend la réponse du comité.',
        re_review_opened: 'Le réexamen du dossier {reference} ({title}) est ouvert avant l’expiration de son autorisation : son nouveau diagnostic est à mener.',
      },
      place: 'Lieu : {place}',
      videoLink: 'Visioconférence : {link}',
      calendar: 'L’invitation jointe (fichier .ics) ajoute la séance à votre agenda.',
      link: 'Pour y accéder : {url}',
      linkLabel: 'Ouvrir dans Vigie',
      footer: 'Message envoyé par Vigie. Toutes vos notifications : {url}',
      calendarTitle: 'Comité d’éthique de la vidéoprotection – séance n°{session}',
      organizer: 'Comité d’éthique de la vidéoprotection',
    },
  },
};

export default notices;
