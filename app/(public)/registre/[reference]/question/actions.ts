'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/auth/sign-in';
import { env } from '@/lib/env';
import { translateFieldError } from '@/lib/forms';
import { signFormStamp, STAMP_FIELD } from '@/lib/resident-questions/anti-spam';
import { askResidentQuestion } from '@/lib/workflow/resident-questions';

/** What the form shows again after a refusal: the messages, and everything the resident typed. */
export interface AskState {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: { kind: string; askerName: string; askerEmail: string; body: string };
  /** The timestamp to sign the next post with: the same one, unless it had expired or was damaged. */
  stamp?: string;
  /** Changes with each refusal, so that the summary takes focus again. */
  attempt?: number;
}

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * A resident's question, posted by a plain form (works without JavaScript). A success
 * (or a spam trap, answered the same way) goes to the confirmation page; a refusal comes
 * back with its messages and the text typed.
 */
export async function askQuestionAction(previous: AskState, formData: FormData): Promise<AskState> {
  const [t, h] = await Promise.all([getTranslations(), headers()]);
  const raw = Object.fromEntries([...formData.entries()].filter(([name]) => !name.startsWith('$ACTION')).map(([name, v]) => [name, typeof v === 'string' ? v : '']));
  const reference = text(formData, 'reference');
  const values = { kind: text(formData, 'kind'), askerName: text(formData, 'askerName'), askerEmail: text(formData, 'askerEmail'), body: text(formData, 'body') };
  const stamp = text(formData, STAMP_FIELD);
  const attempt = (previous.attempt ?? 0) + 1;
  let outcome;
  try {
    outcome = await askResidentQuestion(getDb(), raw, { address: clientAddress(h, env().TRUSTED_PROXY_HOPS), schedule: (work) => after(work) });
  } catch (err) {
    console.error('[questions] ask failed:', err);
    return { message: t('residentQuestions.ask.failed'), values, stamp, attempt };
  }
  if (outcome.ok) redirect(`/registre/${encodeURIComponent(reference)}/question?envoyee=1`);
  switch (outcome.reason) {
    case 'invalid':
      return {
        message: t('errors.invalid'),
        fieldErrors: Object.fromEntries(Object.entries(outcome.fieldErrors).map(([field, error]) => [field, translateFieldError(t, error)])),
        values,
        stamp,
        attempt,
      };
    case 'too_fast':
      return { message: t('residentQuestions.ask.tooFast'), values, stamp, attempt };
    case 'expired':
    case 'forged':
      return { message: t('residentQuestions.ask.expired'), values, stamp: signFormStamp(), attempt };
    case 'rate_limited':
      return { message: t('residentQuestions.ask.rateLimited'), values, stamp, attempt };
    case 'not_found':
      return { message: t('residentQuestions.ask.notFound'), values, stamp, attempt };
  }
}
