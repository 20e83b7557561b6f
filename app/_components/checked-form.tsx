'use client';

import type { FormEvent, ReactNode, RefObject } from 'react';
import type { FormState } from '@/lib/forms';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { FormAlert } from './form-fields';

/**
 * The frame of a form run by useCheckedActionForm: the form itself (posted to its server
 * action, checked in the browser first), its error summary, and the server's message
 * when no field carries the error.
 */
export function CheckedForm({
  checked,
  children,
}: {
  checked: {
    formRef: RefObject<HTMLFormElement | null>;
    formAction: (formData: FormData) => void;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    state: FormState;
    summary: { items: SummaryItem[]; focusKey?: unknown };
  };
  children: ReactNode;
}) {
  const { formRef, formAction, onSubmit, state, summary } = checked;
  return (
    <form ref={formRef} action={formAction} noValidate onSubmit={onSubmit}>
      <ErrorSummary {...summary} />
      {state.message && !state.ok && !summary.items.length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {children}
    </form>
  );
}
