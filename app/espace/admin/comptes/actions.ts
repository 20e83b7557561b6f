'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { sessionUserId } from '@/lib/auth/session';
import { flashLocation } from '@/lib/flash';
import { failureState, formString, type FormState } from '@/lib/forms';
import { getTranslations } from 'next-intl/server';
import { COMMANDS, runCommand } from '@/lib/workflow';

const detailPath = (id: unknown) => `/espace/admin/comptes/${encodeURIComponent(String(id ?? ''))}`;

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const result = await runCommand(getDb(), COMMANDS.createUser, await sessionUserId(), {
    name: formString(formData, 'name'),
    email: formString(formData, 'email'),
    password: formString(formData, 'password'),
    roles: formData.getAll('roles'),
  });
  if (!result.ok) return failureState(result, t);
  redirect(`${detailPath(result.value.id)}?ok=created`);
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const result = await runCommand(getDb(), COMMANDS.resetPassword, await sessionUserId(), {
    userId: formString(formData, 'userId'),
    password: formString(formData, 'password'),
  });
  return result.ok ? { ok: true, message: t('users.resetDone') } : failureState(result, t);
}

/** The one-button changes on the account page: they work without JavaScript (redirect with a flash). */
async function buttonAction(
  formData: FormData,
  run: (actorId: string | null, userId: string | undefined) => ReturnType<typeof runCommand>,
  okFlag: string,
) {
  const userId = formString(formData, 'userId');
  const result = await run(await sessionUserId(), userId);
  redirect(flashLocation(result, detailPath(userId), okFlag));
}

export async function grantRoleAction(formData: FormData): Promise<void> {
  await buttonAction(formData, (actor, userId) => runCommand(getDb(), COMMANDS.grantRole, actor, { userId, role: formString(formData, 'role') }), 'granted');
}

export async function revokeRoleAction(formData: FormData): Promise<void> {
  await buttonAction(formData, (actor, userId) => runCommand(getDb(), COMMANDS.revokeRole, actor, { userId, role: formString(formData, 'role') }), 'revoked');
}

export async function setActiveAction(formData: FormData): Promise<void> {
  const active = formString(formData, 'active') === 'true';
  await buttonAction(formData, (actor, userId) => runCommand(getDb(), COMMANDS.setUserActive, actor, { userId, active }), active ? 'reactivated' : 'deactivated');
}
