'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/forms';
import { scheduleReviewAction } from '../actions';
import { ConfirmBox } from './confirm-box';

/** Putting a file on the committee's agenda cannot be undone: the chair confirms it, the server checks. Works without JavaScript. */
export function ScheduleForm({ proposalId, labels }: { proposalId: string; labels: Record<'confirm' | 'submit', string> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(scheduleReviewAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary items={summaryItems(errors, (path) => (path === 'confirmed' ? 'schedule-confirmed' : path))} focusKey={state} />
      {state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {errors._form ? <FormAlert kind="error">{errors._form}</FormAlert> : null}
      <input type="hidden" name="proposalId" value={proposalId} />
      <ConfirmBox id="schedule-confirmed" label={labels.confirm} error={errors.confirmed} />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
