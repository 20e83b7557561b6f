/** The public home page. French: the reference. */
const home = {
  home: {
    heading: 'Comité d’éthique de la vidéoprotection',
    lead: 'À Puteaux, aucune caméra n’est installée sur une résidence de logement social sans un diagnostic préalable de son opportunité, l’examen et le vote d’un comité d’éthique, puis un avis public que chacun peut lire.',
    whyHeading: 'Pourquoi un comité ?',
    whyText: 'Le contrat local de sécurité de la ville s’est engagé à créer un comité d’éthique du bon usage de la vidéoprotection. Les études disponibles montrent des effets contrastés des caméras, plus nets dans les parkings que dans les quartiers d’habitation : chaque projet doit donc être justifié, comparé à d’autres solutions (éclairage, médiation, contrôle d’accès, aménagements) et proportionné.',
    stepsHeading: 'Comment un projet est examiné',
    steps: {
      proposal: 'Un·e technicien·ne de la ville dépose une proposition : emplacement, champ de vision, finalités, durée de conservation des images.',
      diagnostic: 'La chargée de mission prévention-sécurité conduit un diagnostic préalable : faits constatés, acteurs consultés, alternatives, proportionnalité, risques pour la vie privée.',
      review: 'Le comité d’éthique examine le dossier, délibère et vote.',
      decision: 'L’avis motivé est publié dans un registre public qui n’est jamais modifié : une correction est une nouvelle entrée.',
    },
    rulesHeading: 'Les garanties',
    rules: {
      retention: 'Les images ne sont pas conservées plus de 30 jours ; au-delà de 15 jours, une justification écrite est exigée.',
      privacy: 'Aucune caméra ne doit montrer l’intérieur des logements ni leurs entrées : un masquage est obligatoire.',
      purposes: 'Chaque caméra répond à une finalité prévue par la loi (Code de la sécurité intérieure, art. L251-2).',
    },
    staffHeading: 'Vous êtes agent de la ville ou membre du comité ?',
    staffLink: 'Accéder à l’espace agents',
  },
};

export default home;
