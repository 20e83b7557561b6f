/** Audit events as the timelines show them: `audit.<action>` with the action's dots as nesting. French: the reference. */
const audit = {
  audit: {
    user: {
      created: 'Compte créé',
      role_granted: 'Rôle attribué : {role}',
      role_revoked: 'Rôle retiré : {role}',
      password_reset: 'Mot de passe réinitialisé',
      password_changed: 'Mot de passe changé par la personne',
      deactivated: 'Compte désactivé',
      reactivated: 'Compte réactivé',
    },
    proposal: {
      created: 'Proposition créée',
      saved: 'Brouillon enregistré',
      submit: 'Proposition déposée',
      withdraw: 'Proposition retirée',
      startDiagnostic: 'Diagnostic commencé',
      concludeDiagnostic: 'Diagnostic conclu et signé',
      reviseDiagnostic: 'Nouvelle version du diagnostic ouverte',
      schedule: 'Inscrite à l’examen du comité',
    },
    diagnostic: {
      saved: 'Diagnostic enregistré',
    },
    site: {
      created: 'Résidence ajoutée au registre',
      updated: 'Résidence modifiée : {fields}',
      archived: 'Résidence archivée',
      restored: 'Résidence rétablie',
    },
    by: 'par {name}',
    system: 'le système',
  },
};

export default audit;
