/** The committee at work: sessions, agenda, attendance, conflicts, votes, decisions. French: the reference. */
const committee = {
  committee: {
    outcomes: {
      favourable: 'Avis favorable',
      favourable_with_conditions: 'Avis favorable avec conditions',
      unfavourable: 'Avis défavorable',
      adjourned: 'Ajourné',
    },
    choices: { for: 'Pour', against: 'Contre', abstain: 'Abstention' },
    sessionStates: { planned: 'Prévue', convened: 'Convoquée', held: 'Tenue', closed: 'Close' },
    attendance: { present: 'Présent·e', excused: 'Excusé·e', absent: 'Absent·e', proxy: 'A donné procuration' },
    conditionKinds: {
      masking: 'Masquage',
      retention: 'Durée de conservation',
      signage: 'Information du public',
      placement: 'Emplacement',
      re_review: 'Réexamen',
      other: 'Autre',
    },
    refusals: {
      empty_agenda: 'Inscrivez au moins un dossier à l’ordre du jour avant de convoquer la séance.',
      late_reason_required: 'La séance a lieu avant la fin du délai de convocation : indiquez pourquoi elle est convoquée si tard.',
      not_yet: 'La séance ne peut être tenue qu’à partir du jour prévu.',
      votes_open: 'Des votes sont encore ouverts : clôturez-les avant de clore la séance.',
      session_not_planned: 'L’ordre du jour ne se modifie que tant que la séance n’est pas convoquée.',
      session_not_held: 'Cette action n’est possible que pendant une séance tenue.',
      not_under_review: 'Seul un dossier en examen par le comité peut être inscrit à l’ordre du jour.',
      already_on_agenda: 'Ce dossier est déjà inscrit à l’ordre du jour d’une séance.',
      not_serving: 'Cette personne n’est pas membre du comité.',
      recused: 'Vous êtes déporté·e sur ce dossier : vous pouvez le lire, mais ni délibérer ni voter.',
      rapporteur_recused: 'Ce membre est déporté sur ce dossier et ne peut pas en être rapporteur.',
      not_rapporteur: 'Seul·e le rapporteur ou la rapporteuse du dossier, ou la présidence, peut proposer des conditions.',
      item_not_scheduled: 'Ce dossier n’est plus en attente d’examen dans cette séance.',
      vote_not_open: 'Le vote sur ce dossier n’est pas ouvert.',
      vote_opened: 'Le vote sur ce dossier est déjà ouvert : il est trop tard pour déclarer un conflit d’intérêts.',
      no_quorum: 'Le quorum n’est pas atteint : {present, plural, =0 {aucun membre présent} one {# membre présent} other {# membres présents}} pouvant voter, {required} requis.',
      attendance_incomplete: 'Indiquez la présence de chaque membre du comité, une seule fois.',
      proxies_not_allowed: 'Les procurations ne sont pas permises par les règles du comité.',
      proxy_holder_absent: 'Une procuration ne peut être donnée qu’à un membre présent, qui n’en détient pas d’autre.',
      not_present: 'Seuls les membres présents votent, pour eux-mêmes ou pour le membre qui leur a donné procuration.',
      not_adjourned: 'Ce dossier n’a pas été ajourné.',
      decision_signed: 'Cet avis est signé : il n’est plus modifiable.',
    },
  },
};

export default committee;
