'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, TextAreaField } from '@/app/_components/form-fields';
import type { TextFormState } from './review-actions';

type Action = (state: TextFormState, formData: FormData) => Promise<TextFormState>;

export interface TextFormProps {
  action: Action;
  /** The text field's name, as the command reads it (body, question, answer). */
  field: 'body' | 'question' | 'answer';
  /** Prefixes the field's id: two of these forms may share a page. */
  idPrefix: string;
  hidden: Record<string, string>;
  labels: Record<'label' | 'hint' | 'submit' | 'required', string>;
}

/**
 * One text sent to a command (a deliberation message, a question, an answer): a plain
 * form that works without JavaScript, with the error summary and the refused text kept.
 */
export function ReviewTextForm({ action, field, idPrefix, hidden, labels }: TextFormProps) {
  const [state, formAction, pending] = useActionState<TextFormState, FormData>(action, {});
  const errors = state.fieldErrors ?? {};
  const id = `${idPrefix}-${field}`;
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => path !== '_form'));
  return (
    <form action={formAction} noValidate>
      <ErrorSummary items={summaryItems(fieldErrors, () => id)} focusKey={state} />
      {errors._form ? <FormAlert kind="error">{errors._form}</FormAlert> : state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField
        id={id}
        name={field}
        label={labels.label}
        hint={labels.hint}
        required
        requiredLabel={labels.required}
        maxLength={5000}
        rows={4}
        defaultValue={state.text}
        error={errors[field]}
      />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
