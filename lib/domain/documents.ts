/**
 * What an uploaded document must be before it is stored (lib/storage): a PDF, not empty,
 * not too big, under a file name safe to show and to send back in a download. Pure, so
 * the browser form checks the same limits before posting (a file over the limit is stopped
 * there with a message, instead of a refused post).
 */

/** 10 MiB: a scanned impact assessment fits; next.config.mjs lets a posted form carry a little more (tests/storage.test.ts checks it). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** The same limit as people read it (in the messages: "10 Mo au plus"). */
export const MAX_DOCUMENT_MEGABYTES = MAX_DOCUMENT_BYTES / (1024 * 1024);

export const PDF_CONTENT_TYPE = 'application/pdf';
/** Every PDF starts with this header (ISO 32000-1, 7.5.2). */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export type DocumentProblem = 'empty' | 'too_big' | 'not_pdf';

/** Why these bytes cannot be stored as a PDF document, or null when they can. */
export function documentProblem(bytes: Uint8Array): DocumentProblem | null {
  if (bytes.byteLength === 0) return 'empty';
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return 'too_big';
  if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) return 'not_pdf';
  return null;
}

/** The longest name kept, extension included (file systems allow 255 bytes; a French name may take two per letter). */
const MAX_NAME_LENGTH = 120;
// Control characters, the characters Windows forbids in names, and the bidirectional overrides that can disguise an extension.
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a document is kept and offered under: the last part of whatever path the
 * browser sent, without control or reserved characters, spaces collapsed, no leading dot,
 * at most 120 characters, always ending in ".pdf"; "document.pdf" when nothing is left.
 */
export function safeDocumentName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const stem = cleaned.replace(/\.pdf$/i, '').trim();
  if (!stem) return 'document.pdf';
  return `${[...stem].slice(0, MAX_NAME_LENGTH - 4).join('').trim()}.pdf`;
}
