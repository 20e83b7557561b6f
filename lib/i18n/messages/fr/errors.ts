/** Error codes (lib/errors.ts) and lifecycle refusals (lib/domain). French: the reference. */
const errors = {
  errors: {
    unauthenticated: 'Votre session a expiré. Reconnectez-vous.',
    forbidden: 'Vous n’avez pas les droits nécessaires pour cette action.',
    invalid: 'Certaines informations sont invalides. Corrigez les champs signalés.',
    not_found: 'Élément introuvable.',
    'conflict:duplicate': 'Cet élément existe déjà.',
    'conflict:state': 'Cette action n’est pas possible à l’étape où se trouve le dossier. Rechargez la page pour voir son état actuel.',
    'conflict:stale_version': 'Ces informations ont été modifiées par quelqu’un d’autre depuis que vous avez ouvert la page. Rechargez la page pour voir la version à jour.',
    'conflict:email_taken': 'Un compte utilise déjà cette adresse électronique.',
    'conflict:self_lockout': 'Vous ne pouvez pas retirer votre propre rôle d’administrateur ni désactiver votre propre compte.',
    'conflict:role_already_granted': 'Ce rôle est déjà attribué.',
    'conflict:role_not_granted': 'Ce rôle n’est pas attribué.',
    'conflict:wrong_password': 'Le mot de passe actuel est incorrect.',
    'conflict:sso_already_linked': 'Ce compte est déjà relié au compte de la ville.',
    'conflict:too_many_attempts': 'Trop de tentatives avec un mauvais mot de passe : attendez avant de réessayer.',
    internal: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez l’administrateur.',
    'invalid:query': 'Certains paramètres de la requête sont invalides : corrigez ceux qui sont signalés.',
  },
  lifecycle: {
    unknown_command: 'Action inconnue.',
    not_allowed_from_state: 'Cette action n’est pas possible à cette étape du dossier.',
    forbidden_role: 'Votre rôle ne permet pas cette action.',
    not_author: 'Seul·e l’auteur·e de la proposition peut faire cette action.',
    reason_required: 'Indiquez le motif du retrait.',
    diagnostic_incomplete: 'Le diagnostic doit être complet et signé avant d’être conclu.',
    diagnostic_not_concluded: 'Le dossier ne peut pas être examiné par le comité sans un diagnostic préalable complet et signé.',
    not_adjourned: 'Seule une décision d’ajournement renvoie le dossier au diagnostic ou à l’examen.',
    no_final_outcome: 'Seul un avis définitif (favorable, favorable avec conditions ou défavorable) peut être publié.',
    diagnostic_read_only: 'Ce diagnostic est conclu et signé : il n’est plus modifiable. Ouvrez une nouvelle version pour le réviser.',
  },
};

export default errors;
