/** The open data under /api/v1: its refusals and the words of its Atom feeds. French: the reference. */
const openData = {
  openData: {
    producer: 'comité d’éthique de la vidéoprotection',
    notFound: 'Aucune inscription du registre ne porte la référence « {reference} ».',
    siteNotFound: 'Le registre ne contient aucun avis sur ce site.',
    feed: {
      title: 'Registre des avis du comité d’éthique de la vidéoprotection',
      subtitle: 'Chaque avis publié, corrigé ou révoqué par le comité, dès son inscription au registre public.',
      siteTitle: 'Registre des avis : {site}',
      siteSubtitle: 'Les avis du comité sur le site {site} ({address}), dès leur inscription au registre public.',
      entryTitle: '{reference} – {site} : {outcome}',
      correctionTitle: '{reference} – {site} : correction de {corrects} ({outcome})',
      decommissioningTitle: '{reference} – {site} : mise hors service de caméras ({corrects} modifiée)',
      revocationTitle: '{reference} – {site} : révocation de {corrects}',
      site: 'Site : {site}, {address} (bailleur : {landlord})',
      decided: 'Avis du comité du {date}',
      cameras: '{count, plural, =0 {Aucune caméra} one {# caméra} other {# caméras}}, dont {masked, plural, =0 {aucune} other {#}} avec masquage ; images conservées {days, plural, one {# jour} other {# jours}}',
      purposes: 'Finalités',
      reasons: 'Motifs',
      conditions: 'Conditions',
      condition: '{kind} : {text}',
      dueDate: 'avant le {date}',
      votes: 'Votes : {for} pour, {against} contre, {abstain, plural, =0 {aucune abstention} one {# abstention} other {# abstentions}}, {recused, plural, =0 {aucun membre récusé} one {# membre récusé} other {# membres récusés}}',
      note: {
        correction: 'Motif de la correction',
        revocation: 'Motif de la révocation',
        decommissioning: 'Motif de la mise hors service',
      },
    },
  },
};

export default openData;
