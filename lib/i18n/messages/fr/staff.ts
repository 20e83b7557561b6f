/** The staff dashboard, its queues and the own-account page. French: the reference. */
const staff = {
  staff: {
    dashboardTitle: 'Tableau de bord',
    welcome: 'Bonjour {name}.',
    yourRoles: 'Vos rôles',
    noRoles: 'Vous n’avez encore aucun rôle. L’administrateur peut vous en attribuer un.',
    whatYouCanDo: 'Ce que vous pouvez faire ici',
    nav: {
      dashboard: 'Tableau de bord',
      account: 'Mon compte',
      users: 'Comptes et rôles',
      proposals: 'Propositions',
      sites: 'Résidences',
      committeeSettings: 'Règles du comité',
      sessions: 'Séances',
    },
    roleTasks: {
      technician: 'Déposer et suivre les propositions d’implantation de caméras.',
      diagnostician: 'Conduire et signer les diagnostics préalables.',
      member: 'Lire les dossiers, délibérer et voter.',
      chair: 'Programmer les séances, ouvrir et clore les votes, publier les avis.',
      admin: 'Gérer les comptes, les rôles et le registre des résidences.',
    },
  },
  queues: {
    title: 'À faire',
    technician: 'Mes brouillons et dossiers à compléter',
    diagnostician: 'Diagnostics à mener',
    committee: 'Dossiers prêts pour le comité',
    review: 'Dossiers en examen par le comité',
    empty: 'Rien en attente.',
    seeAll: 'Voir toutes les propositions',
  },
  account: {
    title: 'Mon compte',
    profile: 'Profil',
    name: 'Nom',
    email: 'Adresse électronique',
    changePassword: 'Changer mon mot de passe',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    newPasswordHint: 'Au moins 12 caractères.',
    confirmPassword: 'Confirmation du nouveau mot de passe',
    passwordChanged: 'Votre mot de passe a été changé.',
  },
};

export default staff;
