/**
 * Who residents write to, and where they can turn next: the addresses the legal pages
 * and the footer show. The city's own addresses are the demo's, fictional (the `.example`
 * domain is reserved for that); a commune deploying Vigie puts its own here. The
 * Défenseur des droits, CNIL and licence addresses are the real ones.
 */
export const CITY_CONTACTS = {
  accessibilityEmail: 'accessibilite@mairie-puteaux.example',
  dpoEmail: 'dpo@mairie-puteaux.example',
  postalAddress: 'Hôtel de ville, 131 rue de la République, 92800 Puteaux',
} as const;

export const DEFENSEUR_DES_DROITS = {
  form: 'https://formulaire.defenseurdesdroits.fr/',
  delegates: 'https://www.defenseurdesdroits.fr/carte-des-delegues',
  phone: '09 69 39 00 00',
  postalAddress: 'Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
} as const;

export const CNIL = {
  complaints: 'https://www.cnil.fr/fr/plaintes',
  postalAddress: 'CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07',
} as const;

/** The open data's licence (Etalab), as /api/v1 states it. */
export const OPEN_LICENCE = { name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' } as const;

/**
 * The RGAA conformity status. With no valid audit result, the RGAA requires "non conforme",
 * whatever automated tests pass: change it only with an audit's result (and its date).
 */
export const ACCESSIBILITY_STATUS: 'full' | 'partial' | 'none' = 'none';
/** When the accessibility statement was last established (ISO date). */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-26';
