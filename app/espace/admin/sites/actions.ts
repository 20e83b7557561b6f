'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { sessionUserId } from '@/lib/auth/session';
import { flashLocation } from '@/lib/flash';
import { failureState, formString } from '@/lib/forms';
import { getTranslations } from 'next-intl/server';
import { SITE_FIELDS } from '@/lib/validation/sites';
import { COMMANDS, runCommand } from '@/lib/workflow';
import type { SiteFormState } from './site-form';

const detailPath = (id: unknown) => `/espace/admin/sites/${encodeURIComponent(String(id ?? ''))}`;

/** The site's fields as typed: the command parses them, and a refused form shows them again. */
function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(SITE_FIELDS.map((field) => [field, formString(formData, field) ?? '']));
}

export async function createSiteAction(_prev: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const t = await getTranslations();
  const values = typedValues(formData);
  const result = await runCommand(getDb(), COMMANDS.createSite, await sessionUserId(), values);
  if (!result.ok) return { ...failureState(result, t), values };
  redirect(`${detailPath(result.value.id)}?ok=created`);
}

export async function updateSiteAction(_prev: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const t = await getTranslations();
  const values = typedValues(formData);
  const siteId = formString(formData, 'siteId');
  const result = await runCommand(getDb(), COMMANDS.updateSite, await sessionUserId(), {
    ...values,
    siteId,
    revision: formString(formData, 'revision'),
  });
  if (!result.ok) return { ...failureState(result, t), values };
  // A redirect, not a returned state: the page re-reads the row and hands the form its new version token.
  redirect(`${detailPath(siteId)}?ok=${result.value.changed.length ? 'updated' : 'unchanged'}`);
}

/** The archive and restore buttons: they work without JavaScript (redirect with a flash). */
async function archiveButton(formData: FormData, command: typeof COMMANDS.archiveSite | typeof COMMANDS.restoreSite, okFlag: string) {
  const siteId = formString(formData, 'siteId');
  const result = await runCommand(getDb(), command, await sessionUserId(), { siteId });
  redirect(flashLocation(result, detailPath(siteId), okFlag));
}

export async function archiveSiteAction(formData: FormData): Promise<void> {
  await archiveButton(formData, COMMANDS.archiveSite, 'archived');
}

export async function restoreSiteAction(formData: FormData): Promise<void> {
  await archiveButton(formData, COMMANDS.restoreSite, 'restored');
}
