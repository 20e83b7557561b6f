import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, type NoticeKind } from '@/lib/domain/vocabulary';
import { formats, TIME_ZONE } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { noticeHref, noticeText, renderNoticeEmail, type NoticeContent } from '@/lib/notice-messages';

const proposal = { id: '11111111-1111-4111-8111-111111111111', reference: 'VIG-0042', title: 'Parking <Bellini> & hall' };
const session = {
  id: '22222222-2222-4222-8222-222222222222',
  number: 7,
  // Summer time: 9:00 in Paris is 7:00 UTC.
  scheduledAt: new Date('2027-06-15T09:00:00+02:00'),
  place: '',
  videoLink: 'https://visio.ville.test/comite-7',
  revision: 3,
};
const recipient = { name: 'Dominique Agent', email: 'dominique@ville.test' };
const mailer = { appUrl: 'https://vigie.ville.test', from: 'Vigie <vigie@ville.test>' };
const content = (kind: NoticeKind): NoticeContent => (kind === 'convocation' ? { kind, proposal: null, session } : { kind, proposal, session: null });

/** What each kind's email must say, in French. */
const EXPECTED: Record<NoticeKind, { subject: string; body: string; path: string }> = {
  convocation: {
    subject: 'Convocation à la séance n°7 du comité, le 15 juin 2027 à 09:00',
    body: 'Vous êtes convoqué·e à la séance n°7 du comité d’éthique de la vidéoprotection, le 15 juin 2027 à 09:00 (heure de Paris).',
    path: `/espace/seances/${session.id}`,
  },
  vote_opened: {
    subject: 'Vote ouvert sur le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Le vote du comité est ouvert sur le dossier VIG-0042 (Parking <Bellini> & hall). Vous pouvez voter dans Vigie.',
    path: `/espace/propositions/${proposal.id}`,
  },
  question_to_answer: {
    subject: 'Le comité vous pose des questions sur le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Le comité d’éthique attend vos réponses à ses questions sur le dossier VIG-0042 (Parking <Bellini> & hall).',
    path: `/espace/propositions/${proposal.id}`,
  },
  decision_on_your_file: {
    subject: 'Décision rendue sur votre dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Le comité d’éthique a rendu sa décision sur votre dossier VIG-0042 (Parking <Bellini> & hall).',
    path: `/espace/propositions/${proposal.id}`,
  },
  diagnostic_to_carry_out: {
    subject: 'Diagnostic préalable à mener sur le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Le dossier VIG-0042 (Parking <Bellini> & hall) a été déposé : son diagnostic préalable est à mener.',
    path: `/espace/propositions/${proposal.id}`,
  },
  renewal_due: {
    subject: 'Renouvellement de l’autorisation à préparer pour le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'L’autorisation préfectorale du dossier VIG-0042 (Parking <Bellini> & hall) expire dans moins de quatre mois : la préfecture attend le dossier de renouvellement, et le réexamen par le comité est ouvert.',
    path: `/espace/propositions/${proposal.id}`,
  },
  silence_deadline: {
    subject: 'Délai de réponse de la préfecture bientôt échu pour le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'La préfecture n’a pas encore statué sur la demande d’autorisation du dossier VIG-0042 (Parking <Bellini> & hall). Passé quatre mois après le dépôt, son silence vaut refus.',
    path: `/espace/propositions/${proposal.id}`,
  },
  condition_overdue: {
    subject: 'Condition non vérifiée à l’échéance sur le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Une condition posée par le comité sur le dossier VIG-0042 (Parking <Bellini> & hall) a dépassé son échéance sans avoir été vérifiée.',
    path: `/espace/propositions/${proposal.id}`,
  },
  resident_question_to_moderate: {
    subject: 'Question d’un·e habitant·e à modérer sur le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Un·e habitant·e a posé une question sur la décision du dossier VIG-0042 (Parking <Bellini> & hall). Elle attend votre modération avant d’être publiée.',
    path: `/espace/propositions/${proposal.id}`,
  },
  resident_question_to_answer: {
    subject: 'Question d’un·e habitant·e à laquelle répondre sur le dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Une question d’un·e habitant·e sur la décision du dossier VIG-0042 (Parking <Bellini> & hall) attend la réponse du comité.',
    path: `/espace/propositions/${proposal.id}`,
  },
  re_review_opened: {
    subject: 'Réexamen ouvert : dossier VIG-0042 : Parking <Bellini> & hall',
    body: 'Le réexamen du dossier VIG-0042 (Parking <Bellini> & hall) est ouvert avant l’expiration de son autorisation : son nouveau diagnostic est à mener.',
    path: `/espace/propositions/${proposal.id}`,
  },
};

describe('notice emails', () => {
  it.each(NOTICE_KINDS)('renders %s in French, in text and HTML, with its link', (kind) => {
    const email = renderNoticeEmail(content(kind), recipient, mailer);
    const { subject, body, path } = EXPECTED[kind];
    expect(email.to).toBe('dominique@ville.test');
    expect(email.subject).toBe(subject);
    expect(email.text).toContain('Bonjour Dominique Agent,');
    expect(email.text).toContain(body);
    expect(email.text).toContain(`Pour y accéder : https://vigie.ville.test${path}`);
    expect(email.text).toContain('Toutes vos notifications : https://vigie.ville.test/espace/avis');
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain(`<a href="https://vigie.ville.test${path}">Ouvrir dans Vigie</a>`);
    // Titles are typed by people: escaped in HTML, never markup.
    expect(email.html).not.toContain('<Bellini>');
    if (kind !== 'convocation') expect(email.html).toContain('Parking &lt;Bellini&gt; &amp; hall');
    expect(Boolean(email.calendar)).toBe(kind === 'convocation');
  });

  it('invites to a session by video link: METHOD:REQUEST, the exact instant, a stable UID', () => {
    const email = renderNoticeEmail(content('convocation'), recipient, mailer);
    expect(email.text).toContain('Visioconférence : https://visio.ville.test/comite-7');
    expect(email.text).not.toContain('Lieu :');
    expect(email.calendar?.filename).toBe('convocation.ics');
    const ics = email.calendar!.content.replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(ics).toMatch(/^DTSTART:20270615T070000Z\r?$/m);
    expect(ics).toMatch(/^DURATION:PT2H\r?$/m);
    expect(ics).toMatch(/^UID:seance-22222222-2222-4222-8222-222222222222@vigie\r?$/m);
    expect(ics).toMatch(/^SEQUENCE:3\r?$/m);
    expect(ics).toContain('SUMMARY:Comité d’éthique de la vidéoprotection – séance n°7');
    expect(ics).toContain('LOCATION:https://visio.ville.test/comite-7');
    expect(ics).toMatch(/ORGANIZER;CN=.*:mailto:vigie@ville\.test/i);
    expect(ics).toMatch(/ATTENDEE;.*mailto:dominique@ville\.test/);
  });

  it('links each notice to its session or its file, in both languages', () => {
    expect(noticeHref(content('convocation'))).toBe(`/espace/seances/${session.id}`);
    expect(noticeHref(content('vote_opened'))).toBe(`/espace/propositions/${proposal.id}`);
    const en = createTranslator({ locale: 'en', messages: MESSAGES.en, timeZone: TIME_ZONE, formats });
    const format = createFormatter({ locale: 'en', timeZone: TIME_ZONE, formats });
    expect(noticeText(en, format, content('vote_opened'))).toBe('Vote open on file VIG-0042: Parking <Bellini> & hall');
    expect(noticeText(en, format, content('convocation'))).toBe('Convocation to the committee’s session no. 7, on June 15, 2027 at 9:00 AM');
  });
});
