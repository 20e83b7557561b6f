'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { sessionUserId } from '@/lib/auth/session';
import { flashLocation } from '@/lib/flash';
import { failureState, formString, type FormState } from '@/lib/forms';
import { getTranslate } from '@/lib/i18n/server';
import { proposalIdSchema } from '@/lib/validation/proposals';
import { COMMANDS, runCommand } from '@/lib/workflow';
import type { Command } from '@/lib/workflow/command';

const proposalPath = (id: unknown, query = '') => `/espace/propositions/${encodeURIComponent(String(id ?? ''))}${query}`;

export async function createProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getTranslate();
  const result = await runCommand(getDb(), COMMANDS.createProposal, await sessionUserId(), {
    siteId: formString(formData, 'siteId'),
    title: formString(formData, 'title'),
  });
  if (!result.ok) return failureState(result, t);
  redirect(`${proposalPath(result.value.id, '/modifier')}?ok=created`);
}

/** What the proposal and diagnostic forms get back: translated, plus the new version to keep editing. */
export interface SaveResult extends FormState {
  version?: number;
}

/** Called by the proposal form with its values (it needs JavaScript for its repeatable cameras and map). */
export async function saveProposalAction(values: unknown): Promise<SaveResult> {
  const { t } = await getTranslate();
  const result = await runCommand(getDb(), COMMANDS.saveProposalDraft, await sessionUserId(), values);
  return result.ok ? { ok: true, version: result.value.version, message: t('proposals.saved') } : failureState(result, t);
}

export async function submitProposalAction(values: unknown): Promise<SaveResult> {
  const { t } = await getTranslate();
  const result = await runCommand(getDb(), COMMANDS.submitProposal, await sessionUserId(), values);
  if (!result.ok) return failureState(result, t);
  redirect(proposalPath((values as { proposalId?: unknown }).proposalId, '?ok=submitted'));
}

/** A refused withdrawal comes back with what was typed: React resets the form after the action. */
export interface WithdrawState extends FormState {
  values?: { reason: string; confirmed: boolean };
}

export async function withdrawProposalAction(_prev: WithdrawState, formData: FormData): Promise<WithdrawState> {
  const { t } = await getTranslate();
  const proposalId = formString(formData, 'proposalId');
  const values = { reason: formString(formData, 'reason') ?? '', confirmed: formData.get('confirmed') === 'on' };
  const result = await runCommand(getDb(), COMMANDS.withdrawProposal, await sessionUserId(), { proposalId, ...values });
  if (!result.ok) return { ...failureState(result, t), values };
  redirect(proposalPath(proposalId, '?ok=withdrawn'));
}

/** One-button steps of the file: they work without JavaScript (redirect with a flash). */
async function step(formData: FormData, command: 'startDiagnostic' | 'reviseDiagnostic', ok: string, target = '') {
  const proposalId = formString(formData, 'proposalId');
  const result = await runCommand(getDb(), COMMANDS[command] as Command<typeof proposalIdSchema, unknown>, await sessionUserId(), { proposalId });
  redirect(flashLocation(result, proposalPath(proposalId), ok, proposalPath(proposalId, target)));
}

export async function startDiagnosticAction(formData: FormData): Promise<void> {
  await step(formData, 'startDiagnostic', 'started', '/diagnostic');
}

export async function reviseDiagnosticAction(formData: FormData): Promise<void> {
  await step(formData, 'reviseDiagnostic', 'revised', '/diagnostic');
}

/** Cannot be undone: the form's "I confirm" box travels to the command, which refuses without it. */
export async function scheduleReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getTranslate();
  const proposalId = formString(formData, 'proposalId');
  const result = await runCommand(getDb(), COMMANDS.scheduleReview, await sessionUserId(), { proposalId, confirmed: formData.get('confirmed') === 'on' });
  if (!result.ok) return failureState(result, t);
  redirect(proposalPath(proposalId, '?ok=scheduled'));
}

export async function saveDiagnosticAction(values: unknown): Promise<SaveResult> {
  const { t } = await getTranslate();
  const result = await runCommand(getDb(), COMMANDS.saveDiagnostic, await sessionUserId(), values);
  return result.ok ? { ok: true, version: result.value.lockVersion, message: t('diagnostic.saved') } : failureState(result, t);
}

export async function concludeDiagnosticAction(values: unknown, proposalId: string): Promise<SaveResult> {
  const { t } = await getTranslate();
  const result = await runCommand(getDb(), COMMANDS.concludeDiagnostic, await sessionUserId(), values);
  if (!result.ok) return failureState(result, t);
  redirect(proposalPath(proposalId, '?ok=concluded'));
}
