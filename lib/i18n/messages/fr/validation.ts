/** Field messages: the zod schemas in lib/validation name these keys. French: the reference. */
const validation = {
  validation: {
    required: 'Ce champ est obligatoire.',
    too_long: 'Ce texte est trop long.',
    email: 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.',
    password_length: 'Le mot de passe doit contenir au moins 12 caractères.',
    password_mismatch: 'Les deux mots de passe ne correspondent pas.',
    role: 'Rôle inconnu.',
    invalid: 'Valeur invalide.',
    number: 'Saisissez un nombre en chiffres (par exemple 84 ou 48,8846).',
    dwellings_range: 'Le nombre de logements doit être un nombre entier entre 1 et 100 000.',
    latitude_range: 'La latitude doit être comprise entre -90 et 90 degrés.',
    longitude_range: 'La longitude doit être comprise entre -180 et 180 degrés.',
    cameras_required: 'Ajoutez au moins une caméra.',
    purposes_required: 'Choisissez au moins une finalité.',
    purpose_unknown: 'Cette finalité ne figure pas dans la liste de l’article L251-2 du code de la sécurité intérieure.',
    retention_range: 'La durée de conservation doit être un nombre entier de jours, entre 1 et 30.',
    retention_justification_required: 'Au-delà de 15 jours, justifiez la durée de conservation.',
    masking_required: 'Cette caméra voit des logements (intérieur, fenêtres, balcons, portes ou entrées) : un masquage est obligatoire.',
    masking_description_required: 'Décrivez le masquage prévu.',
    signage_required: 'Ce champ du panneau d’information est obligatoire.',
    integer: 'Saisissez un nombre entier.',
    out_of_range: 'Cette valeur est hors des limites admises.',
    too_many: 'Trop d’éléments.',
    site_unavailable: 'Cette résidence n’existe pas ou est archivée : elle ne peut plus recevoir de proposition.',
    facts_required: 'Indiquez au moins une ligne de faits constatés (même à zéro).',
    year_in_future: 'Cette année n’est pas encore passée.',
    conditions_required: 'Précisez les conditions de l’avis.',
  },
};

export default validation;
