import { Feed } from 'feed';
import { createFormatter } from 'next-intl';
import type { RegisterEntry } from '@/lib/domain/register';
import { TIME_ZONE, type Locale } from '@/lib/i18n/config';
import { translateKey, type AppTranslator } from '@/lib/i18n/translate';
import { LICENCE, LICENCE_TEXT } from './licence';

/**
 * Atom feeds (RFC 4287) of the register, built with the `feed` library: one entry per
 * register entry, linking to its public page, with the licence as the feed's `<rights>`.
 */

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/F): dropped, so the feed always parses. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an XML text node (the library escapes it). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '');
}

/**
 * Text inside the library's `type="html"` elements (written as CDATA): escaped as HTML,
 * so a "<" in a reason is shown, not parsed, and "]]>" can never close the CDATA early.
 */
export function html(value: string): string {
  return xmlText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${html(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

export function entryUrl(origin: string, reference: string): string {
  return `${origin}/registre/${encodeURIComponent(reference)}`;
}

export interface FeedInput {
  entries: RegisterEntry[];
  locale: Locale;
  t: AppTranslator;
  origin: string;
  /** The feed's own address. */
  self: string;
  /** The page it mirrors. */
  alternate: string;
  title: string;
  subtitle: string;
}

export function entryTitle(t: AppTranslator, e: RegisterEntry): string {
  const values = { reference: e.reference, site: e.site.name, outcome: t(`committee.outcomes.${e.outcome}`), corrects: e.corrects ?? '' };
  if (e.kind === 'revocation') return t('openData.feed.revocationTitle', values);
  if (e.kind === 'decommissioning') return t('openData.feed.decommissioningTitle', values);
  if (e.kind === 'correction') return t('openData.feed.correctionTitle', values);
  return t('openData.feed.entryTitle', values);
}

/** What the entry says, as HTML: site, decision, cameras, purposes, reasons, conditions, votes (validity lives outside the sealed entry: it runs from the prefect's order). */
function entryContent(t: AppTranslator, locale: Locale, e: RegisterEntry): string {
  const format = createFormatter({ locale, timeZone: TIME_ZONE });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'long' });
  const parts = [
    `<p>${html(t('openData.feed.site', { site: e.site.name, address: e.site.address, landlord: e.site.landlord }))}</p>`,
    `<p><strong>${html(t(`committee.outcomes.${e.outcome}`))}</strong> – ${html(t('openData.feed.decided', { date: day(e.decidedAt) }))}</p>`,
  ];
  // A decommissioning states the day the camera was taken down, which may precede its publication.
  if (e.decommissionedOn) parts.push(`<p>${html(t('publicRegister.entry.takenDownOn', { date: day(e.decommissionedOn) }))}</p>`);
  if (e.note) parts.push(`<h2>${html(t(`openData.feed.note.${e.kind === 'decision' ? 'correction' : e.kind}`))}</h2>${paragraphs(e.note)}`);
  parts.push(paragraphs(e.publicSummary));
  parts.push(`<p>${html(t('openData.feed.cameras', { count: e.cameraCount, masked: e.maskedCameraCount, days: e.retentionDays }))}</p>`);
  parts.push(`<h2>${html(t('openData.feed.purposes'))}</h2><ul>${e.purposes.map((p) => `<li>${html(translateKey(t, `purposes.${p}`))}</li>`).join('')}</ul>`);
  parts.push(`<h2>${html(t('openData.feed.reasons'))}</h2>${paragraphs(e.reasons)}`);
  if (e.conditions.length) {
    const items = e.conditions.map(
      (c) =>
        `<li>${html(t('openData.feed.condition', { kind: t(`committee.conditionKinds.${c.kind}`), text: c.text }))}${c.dueDate ? ` (${html(t('openData.feed.dueDate', { date: day(c.dueDate) }))})` : ''}</li>`,
    );
    parts.push(`<h2>${html(t('openData.feed.conditions'))}</h2><ul>${items.join('')}</ul>`);
  }
  parts.push(`<p>${html(t('openData.feed.votes', { ...e.votes }))}</p>`);
  return parts.join('');
}


/** The feed as Atom XML. `updated` is the newest entry's publication, so the same register gives the same bytes. */
export function registerAtom({ entries, locale, t, origin, self, alternate, title, subtitle }: FeedInput): string {
  const newest = entries.reduce<string | null>((latest, e) => (latest === null || e.publishedAt > latest ? e.publishedAt : latest), null);
  const feed = new Feed({
    id: self,
    title: xmlText(title),
    description: xmlText(subtitle),
    link: alternate,
    feed: self,
    language: locale,
    updated: new Date(newest ?? 0),
    copyright: LICENCE_TEXT,
    author: { name: xmlText(LICENCE.producer), link: origin },
    generator: 'Vigie',
  });
  for (const e of entries) {
    const url = entryUrl(origin, e.reference);
    feed.addItem({
      id: url,
      link: url,
      title: html(entryTitle(t, e)),
      date: new Date(e.publishedAt),
      published: new Date(e.publishedAt),
      description: html(e.publicSummary),
      content: entryContent(t, locale, e),
      category: [{ term: e.outcome }, { term: e.kind }],
    });
  }
  return feed.atom1();
}
