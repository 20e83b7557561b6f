/**
 * Audit events as the timelines show them: `audit.<kind>` with the kind's dots as
 * nesting, one message for every kind of the catalog (lib/domain/audit-events.ts; the
 * type checker and tests/audit-events.test.ts hold them together). French: the reference.
 */
const audit = {
  audit: {
    user: {
      created: 'Compte créé{via, select, oidc { à la première connexion par l’authentification unique} command_line { en ligne de commande} other {}}',
      role_granted: 'Rôle attribué : {role}',
      role_revoked: 'Rôle retiré : {role}',
      password_reset: 'Mot de passe réinitialisé',
      password_changed: 'Mot de passe changé par la personne',
      deactivated: 'Compte désactivé',
      reactivated: 'Compte réactivé',
      sso_link_allowed: 'Liaison au compte de la ville autorisée pour la prochaine connexion',
      sso_linked: 'Compte relié au compte de la ville',
    },
    proposal: {
      created: 'Proposition créée',
      saved: 'Brouillon enregistré',
      facts_from_observatory: 'Faits repris de l’observatoire ({rows} lignes, version {version})',
      dpia_attached: 'Analyse d’impact (AIPD) jointe au diagnostic (version {version}) : {fileName}',
      opened_from_decision: '{kind, select, re_review {Réexamen ouvert avant l’expiration de l’autorisation} other {Demande de modification ouverte}}, pré-remplie depuis le dossier précédent',
      submit: 'Proposition déposée',
      withdraw: 'Proposition retirée',
      startDiagnostic: 'Diagnostic commencé',
      concludeDiagnostic: 'Diagnostic conclu et signé',
      reviseDiagnostic: 'Nouvelle version du diagnostic ouverte',
      schedule: 'Inscrite à l’examen du comité',
      requestInfo: 'Questions posées au technicien ou à la technicienne',
      answerInfo: 'Réponses apportées aux questions du comité',
      openVote: 'Vote ouvert',
      closeVote: 'Vote clos',
      adjournToDiagnostic: 'Avis ajourné : retour au diagnostic',
      adjournToReview: 'Avis ajourné : retour à l’examen',
      publish: 'Avis publié au registre',
    },
    diagnostic: {
      saved: 'Diagnostic enregistré (version {version})',
    },
    figures: {
      imported: 'Import de l’observatoire : {fileName} ({rows} lignes)',
      entered: 'Chiffres de l’observatoire saisis pour {year}',
    },
    site: {
      created: 'Résidence ajoutée au registre',
      updated: 'Résidence modifiée : {fields}',
      archived: 'Résidence archivée',
      restored: 'Résidence rétablie',
    },
    settings: {
      updated: 'Règles du comité modifiées{changes, select, none {} other { : {changes}}}',
    },
    session: {
      planned: 'Séance prévue',
      agenda_added: 'Dossier inscrit à l’ordre du jour',
      agenda_removed: 'Dossier retiré de l’ordre du jour',
      rapporteur_set: 'Rapporteur ou rapporteuse désigné·e',
      conditions_proposed: '{count, plural, =0 {Conditions retirées} one {# condition proposée} other {# conditions proposées}}',
      convene: 'Séance convoquée',
      hold: 'Séance tenue : présences enregistrées',
      close: 'Séance close',
      minutes_signed: 'Procès-verbal signé',
    },
    conflict: {
      recorded: '{source, select, recorded_by_chair {Conflit d’intérêts déclaré en séance, enregistré par la présidence} other {Conflit d’intérêts déclaré}}',
    },
    vote: {
      cast: '{previous, select, none {Vote enregistré} other {Vote modifié}}{byProxy, select, true { (par procuration)} other {}}',
    },
    item: {
      adjourned: 'Examen ajourné sans vote',
      carried_over: 'Dossier non examiné, reporté à une prochaine séance',
    },
    decision: {
      entered_in_register: '{kind, select, decision {Inscrit au registre public sous la référence {reference}} correction {Correction {reference} inscrite au registre public (corrige {corrects})} decommissioning {Mise hors service {reference} inscrite au registre public (modifie {corrects})} other {Révocation {reference} inscrite au registre public (révoque {corrects})}}',
      dissent_attached: 'Opinion divergente jointe à l’avis',
      signed: 'Avis motivé signé : {outcome}',
    },
    camera: {
      commissioned: 'Mise en service enregistrée : {cameras}',
      one: 'caméra {n} le {date}',
      decommissioned: 'Caméra {n} mise hors service le {date}{reference, select, none {} other { (inscription {reference} au registre public)}}',
    },
    question: {
      approved: 'Question d’un·e habitant·e acceptée et publiée',
      rejected: 'Question d’un·e habitant·e refusée à la modération',
      assigned: 'Réponse à une question d’un·e habitant·e confiée à un membre',
      answered: 'Réponse publiée à une question d’un·e habitant·e',
    },
    deliberation: {
      posted: 'Message ajouté à la délibération interne du comité',
    },
    authorisation: {
      filed: '{correction, select, true {Dépôt en préfecture corrigé} other {Demande d’autorisation déposée en préfecture}} : le {day}, dossier {reference}',
      cdvp_opinion: '{correction, select, true {Avis de la CDVP corrigé} other {Avis de la CDVP enregistré}} : {opinion}, le {day}',
      prefect_decision: '{decision, select, granted {Autorisation préfectorale accordée le {day}, arrêté {reference}{retention, select, none {} other {, conservation des images {retention} jours}}} other {Autorisation préfectorale refusée le {day}}}{correction, select, true { (correction)} other {}}',
      acknowledged: '{correction, select, true {Accusé de réception corrigé} other {Accusé de réception de la préfecture enregistré}} : demande reçue le {day}',
      commissioning_notice: '{correction, select, true {Information du préfet corrigée} other {Préfet informé de la mise en service}} : le {day}',
    },
    landlord: {
      decision_recorded: '{correction, select, true {Décision du bailleur corrigée} other {Décision du bailleur enregistrée}} : conseil d’administration du {day}, délibération {reference}{transmission, select, true {, images transmises à la police (convention du {conventionDay}, {conventionReference})} other {}}',
    },
    condition: {
      checked: 'Condition n° {number} vérifiée le {day} : {status, select, met {remplie} other {non remplie}}',
    },
    unknown: 'Événement non répertorié ({kind})',
    by: 'par {name}',
    system: 'le système',
    transition: '{from} → {to}',
    reason: 'Motif : {reason}',
  },
};

export default audit;
