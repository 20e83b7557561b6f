import { DPIA_REFERENCE, PREFECTURE_FILE_DPIA_REFERENCE } from './legal';
import type { DpiaStatus } from './vocabulary';

/**
 * The data-protection impact assessment (AIPD) of a diagnostic, as a document:
 * - `completed`: the assessment itself is attached (a stored PDF) with the data-protection
 *   officer's opinion on it, its day and its text (GDPR art. 35.2: the controller seeks the
 *   DPO's advice when carrying out the assessment);
 * - `not_required`: the diagnostic says why none is required;
 * - `planned`, `in_progress`: nothing yet.
 *
 * The request filed at the prefecture must include the assessment and the DPO's opinion
 * (instruction of the Minister of the Interior of 20 March 2024): a file
 * is filed only when its diagnostic's assessment is completed as above, or not required
 * with reasons (`dpiaFilingGaps`, enforced by lib/workflow/authorisations.ts).
 */
export const DPIA_RULE_REFERENCES = [DPIA_REFERENCE, PREFECTURE_FILE_DPIA_REFERENCE] as const;

export interface DpiaRecord {
  dpiaStatus: DpiaStatus | null;
  /** Whether the assessment itself is attached. */
  hasDocument: boolean;
  /** The Paris day of the DPO's opinion ("2026-03-31"). */
  dpoOpinionOn: string | null;
  dpoOpinion: string | null;
  dpiaNotRequiredReason: string | null;
}

/**
 * What the assessment lacks, in the order a reader fixes it: no status; a status that is
 * not final (planned, in progress); no document, no day or no text of the DPO's opinion
 * (completed); no reasons (not required).
 */
export const DPIA_GAPS = ['status', 'not_finished', 'document', 'dpo_opinion_on', 'dpo_opinion', 'reasons'] as const;
export type DpiaGap = (typeof DPIA_GAPS)[number];

const blank = (value: string | null | undefined) => !value || value.trim() === '';

/** What the status itself asks for (concluding a diagnostic checks these): nothing for a status that is not final. */
export function dpiaStatusGaps(d: DpiaRecord): DpiaGap[] {
  const gaps: DpiaGap[] = [];
  if (d.dpiaStatus === 'completed') {
    if (!d.hasDocument) gaps.push('document');
    if (blank(d.dpoOpinionOn)) gaps.push('dpo_opinion_on');
    if (blank(d.dpoOpinion)) gaps.push('dpo_opinion');
  } else if (d.dpiaStatus === 'not_required') {
    if (blank(d.dpiaNotRequiredReason)) gaps.push('reasons');
  }
  return gaps;
}

/**
 * What stops the file from being filed at the prefecture: empty when the assessment is
 * completed with its document and the DPO's opinion, or not required with reasons. A file
 * with no concluded diagnostic (null) lacks everything.
 */
export function dpiaFilingGaps(d: DpiaRecord | null): DpiaGap[] {
  if (!d?.dpiaStatus) return ['status'];
  if (d.dpiaStatus === 'planned' || d.dpiaStatus === 'in_progress') return ['not_finished'];
  return dpiaStatusGaps(d);
}
