import { createEvent } from 'ics';
import { createFormatter, createTranslator } from 'next-intl';
import addressparser from 'nodemailer/lib/addressparser';
import { formats, TIME_ZONE } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import type { AppTranslator } from '@/lib/i18n/translate';
import type { NoticeKind } from '@/lib/domain/vocabulary';
import type { OutgoingEmail } from '@/lib/mailer';

/**
 * What a notice says, in the app (app/espace/avis) and by email: one text per kind, one
 * link per notice. The templates take plain data, so they are tested without a database.
 */

export interface NoticeProposal {
  id: string;
  /** VIG-0001 */
  reference: string;
  title: string;
}

export interface NoticeSession {
  id: string;
  number: number;
  scheduledAt: Date;
  place: string;
  videoLink: string;
  /** The session's revision: the invitation's SEQUENCE, so that a re-sent one replaces the old. */
  revision: number;
}

export interface NoticeContent {
  kind: NoticeKind;
  proposal: NoticeProposal | null;
  session: NoticeSession | null;
}

type Formatter = ReturnType<typeof createFormatter>;

/** Where a notice leads: the session for a convocation, the file otherwise. */
export function noticeHref({ proposal, session }: Pick<NoticeContent, 'proposal' | 'session'>): string {
  if (session && !proposal) return `/espace/seances/${session.id}`;
  if (proposal) return `/espace/propositions/${proposal.id}`;
  return '/espace/avis';
}

/** The arguments of a kind's messages (`notices.kinds.*`, `notices.email.bodies.*`). */
function values({ proposal, session }: NoticeContent, format: Formatter) {
  return {
    reference: proposal?.reference ?? '',
    title: proposal?.title ?? '',
    session: session?.number ?? 0,
    date: session ? format.dateTime(session.scheduledAt, 'long') : '',
  };
}

/** The notice's one line: the list's text and the email's subject. */
export function noticeText(t: AppTranslator, format: Formatter, content: NoticeContent): string {
  return t(`notices.kinds.${content.kind}`, values(content, format));
}

// Emails are written in French: there is no per-person language yet.
const t: AppTranslator = createTranslator({ locale: 'fr', messages: MESSAGES.fr, timeZone: TIME_ZONE, formats });
const format: Formatter = createFormatter({ locale: 'fr', timeZone: TIME_ZONE, formats });

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A session lasts about two hours: the invitation needs an end, the sessions table has none. */
const SESSION_HOURS = 2;

/** The iCalendar invitation to a session: METHOD:REQUEST, the exact instant (UTC), place or video link. */
export function sessionInvitation(session: NoticeSession, recipient: { name: string; email: string }, from: string, link: string): string {
  const sender = addressparser(from, { flatten: true })[0];
  const { error, value } = createEvent({
    method: 'REQUEST',
    productId: 'vigie/notices',
    // Stable per session: a later invitation (higher SEQUENCE) updates the same calendar entry.
    uid: `seance-${session.id}@vigie`,
    sequence: session.revision,
    start: session.scheduledAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: SESSION_HOURS },
    title: t('notices.email.calendarTitle', { session: session.number }),
    description: `${t('notices.email.bodies.convocation', { session: session.number, date: format.dateTime(session.scheduledAt, 'long') })}\n${link}`,
    location: session.place || session.videoLink || undefined,
    url: session.videoLink || link,
    status: 'CONFIRMED',
    organizer: { name: t('notices.email.organizer'), email: sender?.address || from },
    attendees: [{ name: recipient.name, email: recipient.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
  });
  if (error || !value) throw error ?? new Error('ics: no calendar produced');
  return value;
}

/** The email for one notice: French subject and text, simple HTML, a link into the app, and for a convocation the invitation. */
export function renderNoticeEmail(content: NoticeContent, recipient: { name: string; email: string }, { appUrl, from }: { appUrl: string; from: string }): OutgoingEmail {
  const link = `${appUrl}${noticeHref(content)}`;
  const all = `${appUrl}/espace/avis`;
  const args = values(content, format);
  const lines = [t('notices.email.greeting', { name: recipient.name }), t(`notices.email.bodies.${content.kind}`, args)];
  const details: string[] = [];
  const session = content.kind === 'convocation' ? content.session : null;
  if (session?.place) details.push(t('notices.email.place', { place: session.place }));
  if (session?.videoLink) details.push(t('notices.email.videoLink', { link: session.videoLink }));
  if (session) details.push(t('notices.email.calendar'));
  const text = [...lines, ...details, t('notices.email.link', { url: link }), '--', t('notices.email.footer', { url: all })].join('\n\n');
  const paragraph = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html><html lang="fr"><body>',
    ...lines.map(paragraph),
    ...details.map(paragraph),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t('notices.email.linkLabel'))}</a></p>`,
    `<p style="color:#555">${escapeHtml(t('notices.email.footer', { url: all }))}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    to: recipient.email,
    subject: noticeText(t, format, content),
    text,
    html,
    ...(session ? { calendar: { filename: 'convocation.ics', content: sessionInvitation(session, recipient, from, link) } } : {}),
  };
}
