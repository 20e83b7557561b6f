'use server';

import { getDb } from '@/db/client';
import { sessionUserId } from '@/lib/auth/session';
import { failureState, formString, type FormState } from '@/lib/forms';
import { getTranslations } from 'next-intl/server';
import { COMMANDS, runCommand } from '@/lib/workflow';

export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations();
  const result = await runCommand(getDb(), COMMANDS.changeOwnPassword, await sessionUserId(), {
    currentPassword: formString(formData, 'currentPassword'),
    newPassword: formString(formData, 'newPassword'),
    confirmPassword: formString(formData, 'confirmPassword'),
  });
  return result.ok ? { ok: true, message: t('account.passwordChanged') } : failureState(result, t);
}
