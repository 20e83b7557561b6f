'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { recordPath } from '@/lib/actions';
import { requestActorRef } from '@/lib/auth/session';
import { failureState, formString, type FormState } from '@/lib/forms';
import type { UploadedDocument } from '@/lib/validation/diagnostics';
import { COMMANDS, runCommand } from '@/lib/workflow';

/** A refused upload comes back with its message, and a new attempt number (the form shows it afresh). */
export type DpiaUploadState = FormState & { attempt?: number };

/** The form's file as the command takes it: its name and bytes; nothing when no file was chosen (the browser then sends an empty, nameless one). */
async function readDocument(formData: FormData): Promise<UploadedDocument | undefined> {
  const file = formData.get('document');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return undefined;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * The impact assessment's upload, beside the diagnostic form: a plain multipart form posted
 * to this action (it works without JavaScript). A refused file (not a PDF, empty, too big)
 * comes back with its message and nothing stored; an accepted one goes back to the
 * diagnostic, at its impact assessment, with a flash.
 */
export async function attachDpiaDocumentAction(_previous: DpiaUploadState, formData: FormData): Promise<DpiaUploadState> {
  const [t, actorId, document] = await Promise.all([getTranslations(), requestActorRef(), readDocument(formData)]);
  const result = await runCommand(getDb(), COMMANDS.attachDpiaDocument, actorId, { diagnosticId: formString(formData, 'diagnosticId'), document });
  if (!result.ok) return { ...failureState(result, t), attempt: Date.now() };
  redirect(`${recordPath('/espace/propositions', result.value.proposalId, '/diagnostic')}?ok=dpia_attached#dpia`);
}
