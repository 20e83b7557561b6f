/**
 * The public register: publishing (staff), the register's pages and filters (residents),
 * and its refusals. French: the reference.
 */
const register = {
  register: {
    refusals: {
      not_signed: 'Cet avis n’est pas encore signé : signez-le avant de le publier.',
      not_publishable: 'Cet avis ne peut pas être publié : le dossier n’a pas de diagnostic conclu ou l’examen a été ajourné.',
      revoked: 'Cette inscription est une révocation : elle ne peut plus être corrigée.',
      already_corrected: 'Cette inscription a déjà été corrigée par {reference} : corrigez plutôt la plus récente.',
    },
    filters: {
      invalid_site: 'Ce site n’existe pas : choisissez-en un dans la liste.',
      invalid_outcome: 'Ce sens d’avis n’existe pas : choisissez-en un dans la liste.',
      invalid_year: 'L’année doit être un nombre entre 2000 et 2100.',
      invalid_cursor: 'Ce lien de page n’est pas valide : revenez à la première page.',
      invalid_limit: 'Le nombre de résultats par page doit être un entier entre 1 et 500.',
    },
  },
};

export default register;
