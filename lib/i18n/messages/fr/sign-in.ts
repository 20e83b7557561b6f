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
    retryInSeconds: 'Trop de tentatives avec un mauvais mot de passe. Réessayez dans {seconds} s.',
    retryInMinutes: 'Trop de tentatives avec un mauvais mot de passe. Réessayez dans {minutes} min.',
    ssoRefused:
      'La connexion avec le compte de la ville n’a pas abouti : ce compte est désactivé, son adresse électronique n’est pas confirmée comme vérifiée par la ville, ou un compte détenant déjà des rôles utilise cette adresse. Un tel compte n’est jamais relié automatiquement : demandez à l’administrateur d’autoriser sa liaison au compte de la ville, depuis la page du compte, puis reconnectez-vous.',
    noRole: 'Votre compte n’a encore aucun rôle : demandez à l’administrateur de vous en attribuer un.',
    signedOut: 'Vous êtes déconnecté·e.',
  },
};

export default signIn;
