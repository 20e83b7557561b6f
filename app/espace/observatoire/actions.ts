'use server';

import { formAction } from '@/lib/actions';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requestActorRef } from '@/lib/auth/session';
import { decodeCsv, MAX_CSV_BYTES } from '@/lib/domain/observatory-csv';
import { FACT_TYPES } from '@/lib/domain/vocabulary';
import { failureState, formString, type FormState } from '@/lib/forms';
import { COMMANDS, runCommand } from '@/lib/workflow';

/**
 * The observatory's forms (issue 10, item 5): plain forms posted to these actions, so they
 * work without JavaScript. The file comes in the form data; it is decoded here (UTF-8,
 * UTF-16 with BOM or Windows-1252) and its text handed to the command, which checks every
 * row and writes all of them or none.
 */

const PAGE = '/espace/observatoire';

/** A refused import names the file it refused, so that the person knows which one to correct. */
export type ImportFormState = FormState & { fileName?: string };

/** What the command receives from the form: the file's name and text (or a marker the schema refuses). */
async function readImport(formData: FormData): Promise<{ fileName: string; text: string }> {
  const file = formData.get('file');
  // No file chosen: the name is missing (one message); an empty file: the checker says so.
  if (!(file instanceof File) || file.size === 0) return { fileName: file instanceof File ? file.name : '', text: '' };
  const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  // A file that is too big or not text: the command reports it (its text is refused whole).
  if (!decoded.ok) return { fileName: file.name, text: decoded.code === 'too_big' ? 'x'.repeat(MAX_CSV_BYTES + 1) : '\u0000' };
  return { fileName: file.name, text: decoded.text };
}

/** Imports a file: a refused one comes back with its report (every wrong row named), a good one goes to the history. */
export async function importFiguresAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const [t, actorId, raw] = await Promise.all([getTranslations(), requestActorRef(), readImport(formData)]);
  const result = await runCommand(getDb(), COMMANDS.importObservatoryFigures, actorId, raw);
  if (!result.ok) return { ...failureState(result, t), fileName: raw.fileName };
  redirect(`${PAGE}?ok=imported#historique`);
}

/** A refused entry comes back with the numbers as typed. */
export type EntryFormState = FormState & { values?: Record<string, string> };

export const enterFiguresAction = formAction<typeof COMMANDS.enterObservatoryFigures.schema, { set: number; removed: number }, Pick<EntryFormState, 'values'>>(
  COMMANDS.enterObservatoryFigures,
  (formData) => ({
    siteId: formString(formData, 'siteId'),
    year: formString(formData, 'year'),
    counts: Object.fromEntries(FACT_TYPES.map((t) => [t, formString(formData, `count-${t}`) ?? ''])),
  }),
  {
    onSuccess: (_value, { siteId, year }) => ({ redirect: `${PAGE}?ok=entered&site=${siteId}&annee=${year}#saisie` }),
    onFailure: (raw) => ({ values: (raw as { counts: Record<string, string> }).counts }),
  },
);
