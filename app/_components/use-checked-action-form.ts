'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { FormState } from '@/lib/forms';
import { flattenErrors, summaryItems } from './error-summary';
import { translatedResolver } from './translated-resolver';

/**
 * A form posted to a server action, checked first in the browser with the same zod
 * schema the server runs. Without JavaScript the form posts straight to the action,
 * which checks everything again; either way the errors land on the same fields and in
 * the error summary, which takes focus after each failed submission. The page gives the
 * form the 'common' and 'validation' namespaces (ClientMessages).
 */
export function useCheckedActionForm<Input extends FieldValues, Output, State extends FormState>(options: {
  schema: z.ZodType<Output, Input>;
  action: (state: Awaited<State>, formData: FormData) => Promise<State>;
  defaultValues?: DefaultValues<Input>;
  /** A field path → its input's id, when the form does not use the path with dashes. */
  idFor?: (path: string) => string;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(options.action, {} as Awaited<State>);
  const [failedInBrowser, setFailedInBrowser] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations();
  const form = useForm<Input, unknown, Output>({
    resolver: translatedResolver(() => options.schema, t),
    defaultValues: options.defaultValues,
    // The error summary takes focus instead of the first field.
    shouldFocusError: false,
  });
  const { errors } = form.formState;

  /** The browser's message for a field if it has one, else the server's. */
  const errorFor = (field: string): string | undefined => (get(errors, field) as { message?: string } | undefined)?.message ?? state.fieldErrors?.[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(
      () => startTransition(() => formAction(new FormData(formRef.current!))),
      () => setFailedInBrowser((n) => n + 1),
    )(event);
  };

  const browserErrors = flattenErrors(errors);
  const shown = Object.keys(browserErrors).length ? browserErrors : (state.fieldErrors ?? {});
  const summary = {
    items: summaryItems(shown, options.idFor),
    // A new failed check in the browser, or a new answer from the server: either moves focus.
    focusKey: Object.keys(browserErrors).length ? failedInBrowser : state,
  };

  return { form, state, pending, formRef, formAction, onSubmit, errorFor, summary };
}
