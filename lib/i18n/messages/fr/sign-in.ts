/** The sign-in page. French: the reference. */
const signIn = {
  signIn: {
    title: 'Connexion à l’espace agents',
    intro: 'Réservé aux agents de la ville et aux membres du comité d’éthique.',
    email: 'Adresse électronique',
    emailHint: 'Format attendu : prenom.nom@exemple.fr',
    password: 'Mot de passe',
    submit: 'Se connecter',
    oidc: 'Se connecter avec le compte de la ville ({name})',
    oidcDefaultName: 'authentification unique',
    or: 'ou',
    failed: 'Adresse électronique ou mot de passe incorrect.',
    rateLimited: 'Trop de tentatives de connexion. Réessayez dans quelques minutes.',
    ssoRefused: 'La connexion avec le compte de la ville n’a pas abouti : ce compte est désactivé, ou son adresse électronique n’est pas vérifiée. Contactez l’administrateur.',
    noRole: 'Votre compte n’a encore aucun rôle : demandez à l’administrateur de vous en attribuer un.',
    signedOut: 'Vous êtes déconnecté·e.',
  },
};

export default signIn;
