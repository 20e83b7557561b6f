'use client';

import { useRef, useState, useTransition } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorSummary, flattenErrors, summaryItems } from '@/app/_components/error-summary';
import { FormAlert } from '@/app/_components/form-fields';
import { useTranslations } from 'next-intl';
import { translatedResolver } from '@/app/_components/translated-resolver';
import type { SaveResult } from '../actions';

/**
 * The shape shared by the proposal and diagnostic forms: two buttons, two levels of
 * checks. "Save" runs the lenient schema, the other button (submit, conclude) the strict
 * one, both in the browser with the server's own zod schemas; then the server action
 * runs, and the server's field messages land on the same fields. Every failure shows the
 * error summary at the top of the form, which takes focus.
 */
export function useTwoStepForm<Input extends FieldValues, Values>(options: {
  defaultValues: DefaultValues<Input>;
  lenient: z.ZodType<Values, Input>;
  /** A function of the values being checked: the strict check may depend on them (the chosen site). */
  strict: (values: Input) => z.ZodType<Values, Input>;
  /** Sends the values; `final` is true for the strict button. */
  send(values: Values, final: boolean): Promise<SaveResult>;
  /** A field path → its input's id, when the form does not use the path with dashes. */
  idFor?: (path: string) => string;
}) {
  const final = useRef(false);
  const [outcome, setOutcome] = useState<SaveResult | null>(null);
  const [failures, setFailures] = useState(0);
  const [pending, startTransition] = useTransition();
  // zod's messages are catalog keys: the page gives this form the 'validation' namespace.
  const t = useTranslations();
  // The button pressed decides the schema, read when the form is checked (not while rendering).
  const resolver: Resolver<Input, unknown, Values> = (values, context, resolverOptions) =>
    translatedResolver<Input, Values>(final.current ? () => options.strict(values) : () => options.lenient, t)(values, context, resolverOptions);
  const form = useForm<Input, unknown, Values>({ resolver, defaultValues: options.defaultValues, shouldFocusError: false });
  const { errors } = form.formState;

  const submit = (strict: boolean, event: React.MouseEvent) => {
    final.current = strict;
    setOutcome(null);
    void form.handleSubmit(
      (values) =>
        startTransition(async () => {
          const result = await options.send(values, strict);
          setOutcome(result);
          for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
            // The server names fields by their path in the form's values ("cameras.1.latitude").
            if (path !== '_form') form.setError(path as Path<Input>, { type: 'server', message });
          }
          if (!result.ok) setFailures((n) => n + 1);
        }),
      () => setFailures((n) => n + 1),
    )(event);
  };

  /** The message on one field, in the reader's language (from the browser's check or the server's). */
  const messageOf = (path: string): string | undefined => (get(errors, path) as { message?: string } | undefined)?.message || undefined;

  const items = summaryItems(flattenErrors(errors), options.idFor);
  // With field errors listed, the generic "some information is invalid" would only repeat them.
  const showOutcome = outcome?.message && (outcome.ok || items.length === 0);
  const alerts = (
    <>
      <ErrorSummary items={items} focusKey={failures} />
      {showOutcome ? (
        <FormAlert kind={outcome.ok ? 'success' : 'error'}>
          {outcome.message}
          {outcome.fieldErrors?._form ? ` ${outcome.fieldErrors._form}` : ''}
        </FormAlert>
      ) : null}
      {!showOutcome && outcome?.fieldErrors?._form ? <FormAlert kind="error">{outcome.fieldErrors._form}</FormAlert> : null}
    </>
  );

  return { form, submit, messageOf, pending, alerts };
}
