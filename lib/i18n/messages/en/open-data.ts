/** The open data under /api/v1: its refusals and the words of its Atom feeds. */
const openData = {
  openData: {
    producer: 'video-surveillance ethics committee',
    notFound: 'No register entry has the reference “{reference}”.',
    siteNotFound: 'The register holds no opinion on this site.',
    feed: {
      title: 'Register of the video-surveillance ethics committee’s opinions',
      subtitle: 'Every opinion the committee publishes, corrects or revokes, as soon as it enters the public register.',
      siteTitle: 'Register of opinions: {site}',
      siteSubtitle: 'The committee’s opinions on the site {site} ({address}), as soon as they enter the public register.',
      entryTitle: '{reference} – {site}: {outcome}',
      correctionTitle: '{reference} – {site}: correction of {corrects} ({outcome})',
      decommissioningTitle: '{reference} – {site}: cameras taken out of service (amends {corrects})',
      revocationTitle: '{reference} – {site}: revocation of {corrects}',
      site: 'Site: {site}, {address} (social landlord: {landlord})',
      decided: 'Committee opinion of {date}',
      cameras: '{count, plural, =0 {No camera} one {# camera} other {# cameras}}, {masked, plural, =0 {none} other {#}} with privacy masking; images kept {days, plural, one {# day} other {# days}}',
      purposes: 'Purposes',
      reasons: 'Reasons',
      conditions: 'Conditions',
      condition: '{kind}: {text}',
      dueDate: 'by {date}',
      votes: 'Votes: {for} for, {against} against, {abstain, plural, =0 {no abstention} one {# abstention} other {# abstentions}}, {recused, plural, =0 {no member recused} one {# member recused} other {# members recused}}',
      note: {
        correction: 'Why it was corrected',
        revocation: 'Why it was revoked',
        decommissioning: 'Why the cameras were taken out of service',
      },
    },
  },
};

export default openData;
