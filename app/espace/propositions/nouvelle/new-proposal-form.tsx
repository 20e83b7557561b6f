'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, SelectField, TextField } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/forms';
import { createProposalAction } from '../actions';

interface Props {
  sites: { id: string; name: string; address: string }[];
  labels: Record<'site' | 'sitePick' | 'title' | 'titleHint' | 'submit' | 'required', string>;
}

/** The first step of a proposal: works without JavaScript too. */
export function NewProposalForm({ sites, labels }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(createProposalAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary items={summaryItems(errors)} focusKey={state} />
      {state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      <SelectField id="siteId" name="siteId" label={labels.site} required requiredLabel={labels.required} error={errors.siteId} defaultValue="">
        <option value="" disabled>
          {labels.sitePick}
        </option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} – {s.address}
          </option>
        ))}
      </SelectField>
      <TextField id="title" label={labels.title} hint={labels.titleHint} required requiredLabel={labels.required} error={errors.title} autoComplete="off" />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
