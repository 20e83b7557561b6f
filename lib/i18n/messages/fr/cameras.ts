/**
 * After the vote (issue 10, item 2): cameras put in service and taken out of service, and
 * the files linked to an authorised one (a change, a re-review). French: the reference.
 */
const cameras = {
  cameraService: {
    service: {
      title: 'Caméras en service',
      intro: 'Une caméra n’est mise en service qu’après l’autorisation du préfet, et tant qu’elle est valable. Une mise hors service est publiée au registre public avec son motif.',
      authorisationGranted: 'Autorisation préfectorale accordée le {granted}, valable jusqu’au {expires} inclus.',
      authorisationExpired: 'L’autorisation préfectorale a expiré le {expires} : aucune caméra ne peut plus être mise en service.',
      authorisationMissing: 'L’autorisation préfectorale n’est pas accordée : aucune caméra ne peut encore être mise en service.',
      revoked: 'La décision a été révoquée ({reference}) : elle ne s’applique plus.',
      camera: 'Caméra {n}',
      number: 'Caméra',
      type: 'Type',
      placement: 'Emplacement',
      commissionedOn: 'Mise en service',
      decommissionedOn: 'Mise hors service',
      reason: 'Motif : {reason}',
      notYet: 'Pas encore',
      stillInService: 'En service',
      commissionTitle: 'Enregistrer une mise en service',
      commissionHelp: 'Indiquez le jour de mise en service de chaque caméra installée ; laissez vide une caméra pas encore installée. Ce jour ne peut précéder l’autorisation du préfet.',
      commissionDay: 'Jour de mise en service de la caméra {n}',
      commissionSubmit: 'Enregistrer les mises en service',
      decommissionTitle: 'Mettre une caméra hors service',
      decommissionHelp: 'La mise hors service est publiée au registre public : une nouvelle inscription, avec le nombre de caméras restant en service et le motif ci-dessous.',
      decommissionCamera: 'Caméra',
      decommissionDay: 'Jour de mise hors service',
      decommissionReason: 'Motif (public)',
      decommissionReasonHint: 'Rédigé pour les habitants : il est publié tel quel au registre. Pas de nom de personne.',
      decommissionConfirm: 'Je confirme la mise hors service et sa publication au registre public, définitive.',
      decommissionSubmit: 'Mettre hors service et publier',
      flash: {
        cameras_commissioned: 'Les mises en service ont été enregistrées.',
        camera_decommissioned: 'La caméra a été mise hors service et l’inscription publiée au registre.',
        change_opened: 'Une demande de modification a été ouverte, pré-remplie depuis le dossier autorisé. Modifiez-la puis déposez-la : elle repassera par le diagnostic et le comité.',
      },
    },
    linked: {
      kinds: {
        initial: 'Première demande',
        change: 'Modification',
        re_review: 'Réexamen',
      },
      change: 'Modification du dossier {reference}',
      reReview: 'Réexamen avant expiration de l’autorisation du dossier {reference}',
      decision: 'Décision suivie : {reference}',
      previousFile: 'Voir le dossier {reference}',
      laterTitle: 'Dossiers ouverts depuis celui-ci',
      later: '{kind} : {reference} – {title} ({state})',
      proposeTitle: 'Modifier le système autorisé',
      proposeHelp: 'Un système autorisé n’est jamais modifié sur place : ajouter ou déplacer une caméra, changer une finalité demande un nouveau dossier, pré-rempli depuis celui-ci, qui repasse par le diagnostic et le comité, puis par la préfecture.',
      propose: 'Proposer une modification',
    },
    refusals: {
      not_published: 'Ce dossier n’a pas d’avis favorable publié au registre.',
      revoked: 'La décision a été révoquée ({reference}) : elle ne s’applique plus.',
      not_authorised: 'L’autorisation du préfet n’est pas accordée : la caméra ne peut pas être mise en service.',
      before_grant: 'Ce jour précède l’autorisation du préfet, accordée le {date}.',
      expired: 'L’autorisation du préfet a expiré le {date} : la caméra ne peut pas être mise en service ce jour-là.',
      in_the_future: 'Ce jour n’est pas encore arrivé.',
      already_commissioned: 'La caméra {n} est déjà en service.',
      not_of_this_file: 'Cette caméra n’appartient pas à ce dossier.',
      no_day: 'Indiquez le jour de mise en service d’au moins une caméra.',
      duplicate_camera: 'Une même caméra figure deux fois.',
      not_in_service: 'La caméra {n} n’est pas en service.',
      before_commissioning: 'Ce jour précède la mise en service de la caméra, le {date}.',
    },
  },
};

export default cameras;
