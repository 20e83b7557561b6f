/** The frame of every page: metadata, header, footer, shared words, error pages. French: the reference. */
const common = {
  /** The heading of a form's error summary: given to every form (ClientMessages always adds it). */
  errorSummary: {
    title: '{count, plural, one {Le formulaire contient # erreur} other {Le formulaire contient # erreurs}}',
  },
  meta: {
    title: 'Vigie – Comité d’éthique de la vidéoprotection',
    description: 'Registre public des avis du comité d’éthique de la vidéoprotection de Puteaux sur les caméras envisagées dans les résidences de logement social.',
  },
  common: {
    appName: 'Vigie',
    city: 'Ville de Puteaux',
    skipLink: 'Aller au contenu',
    mainNav: 'Navigation principale',
    staffNav: 'Navigation de l’espace agents',
    language: 'Langue',
    languageSwitch: 'Changer de langue',
    languageNames: {
      fr: 'Français',
      en: 'English',
    },
    save: 'Enregistrer',
    choose: 'Choisissez…',
    cancel: 'Annuler',
    back: 'Retour',
    yes: 'Oui',
    no: 'Non',
    required: 'obligatoire',
    requiredFieldsNote: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
    pagination: 'Pagination',
    previousPage: 'Page précédente',
    nextPage: 'Page suivante',
    pageOf: 'Page {page} sur {pages}',
  },
  header: {
    home: 'Accueil',
    staffArea: 'Espace agents',
    signIn: 'Connexion',
    signOut: 'Se déconnecter',
    signedInAs: 'Connecté·e : {name}',
  },
  footer: {
    about: 'Vigie est l’outil du comité d’éthique de la vidéoprotection de la ville.',
    health: 'État du service',
    language: 'Langue :',
    openSource: 'Logiciel libre au service des habitants.',
  },
  pages: {
    forbiddenTitle: 'Accès refusé',
    forbiddenText: 'Votre compte n’a pas le rôle nécessaire pour cette page. Si vous pensez que c’est une erreur, contactez l’administrateur.',
    forbiddenBack: 'Retour au tableau de bord',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'La page demandée n’existe pas ou a été déplacée.',
    notFoundBack: 'Retour à l’accueil',
    staffNotFoundText: 'Cette page de l’espace agents n’existe pas, ou le dossier demandé n’existe pas ou ne vous est pas accessible.',
    staffNotFoundBack: 'Retour au tableau de bord',
    statusTitle: 'État du service',
    statusOk: 'Le service fonctionne normalement : la base de données répond.',
    statusDown: 'Le service est actuellement indisponible : la base de données ne répond pas. Réessayez dans quelques minutes.',
    statusCheckedAt: 'Vérifié le {date}.',
    statusMonitoring: 'Pour la supervision technique, l’adresse /api/health donne le même état au format JSON.',
    errorTitle: 'Une erreur est survenue',
    errorText: 'Le service n’a pas pu traiter votre demande. Réessayez dans un instant.',
    errorRetry: 'Réessayer',
  },
};

export default common;
