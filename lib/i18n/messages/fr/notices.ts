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
    },
    email: {
      greeting: 'Bonjour {name},',
      bodies: {
        convocation: 'Vous êtes convoqué·e à la séance n°{session} du comité d’éthique de la vidéoprotection, le {date} (heure de Paris).',
        vote_opened: 'Le vote du comité est ouvert sur le dossier {reference} ({title}). Vous pouvez voter dans Vigie.',
        question_to_answer: 'Le comité d’éthique attend vos réponses à ses questions sur le dossier {reference} ({title}).',
        decision_on_your_file: 'Le comité d’éthique a rendu sa décision sur votre dossier {reference} ({title}).',
        diagnostic_to_carry_out: 'Le dossier {reference} ({title}) a été déposé : son diagnostic préalable est à mener.',
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
