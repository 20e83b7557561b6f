'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, useTransition } from 'react';
import { get, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { FormAlert } from '@/app/_components/form-fields';
import { useTranslations } from 'next-intl';
import { translateKey } from '@/lib/i18n/translate';
import type { SaveResult } from '../actions';

/**
 * The shape shared by the proposal and diagnostic forms: two buttons, two levels of
 * checks. "Save" runs the lenient schema, the other button (submit, conclude) the strict
 * one, both in the browser with the server's own zod schemas; then the server action
 * runs, and the server's field messages land on the same fields.
 */
export function useTwoStepForm<Input extends FieldValues, Values>(options: {
  defaultValues: DefaultValues<Input>;
  lenient: z.ZodType<Values, Input>;
  strict: z.ZodType<Values, Input>;
  /** Sends the values; `final` is true for the strict button. */
  send(values: Values, final: boolean): Promise<SaveResult>;
}) {
  const final = useRef(false);
  const [outcome, setOutcome] = useState<SaveResult | null>(null);
  const [pending, startTransition] = useTransition();
  const resolver: Resolver<Input, unknown, Values> = (values, context, resolverOptions) =>
    (zodResolver(final.current ? options.strict : options.lenient) as unknown as Resolver<Input, unknown, Values>)(values, context, resolverOptions);
  const form = useForm<Input, unknown, Values>({ resolver, defaultValues: options.defaultValues, shouldFocusError: true });
  const { errors } = form.formState;
  const t = useTranslations();

  const submit = (strict: boolean, event: React.MouseEvent) => {
    final.current = strict;
    setOutcome(null);
    void form.handleSubmit((values) =>
      startTransition(async () => {
        const result = await options.send(values, strict);
        setOutcome(result);
        for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
          if (path !== '_form') form.setError(path as never, { type: 'server', message });
        }
      }),
    )(event);
  };

  /** The message on one field: browser checks carry catalog keys, the server's arrive translated. */
  const messageOf = (path: string): string | undefined => {
    const message = (get(errors, path) as { message?: string } | undefined)?.message;
    return message ? (/^(validation|errors|lifecycle)\./.test(message) ? translateKey(t, message) : message) : undefined;
  };

  const alerts = (
    <>
      {countErrors(errors) > 0 ? <FormAlert kind="error">{t('common.formHasErrors', { count: countErrors(errors) })}</FormAlert> : null}
      {outcome?.message ? (
        <FormAlert kind={outcome.ok ? 'success' : 'error'}>
          {outcome.message}
          {outcome.fieldErrors?._form ? ` ${outcome.fieldErrors._form}` : ''}
        </FormAlert>
      ) : null}
    </>
  );

  return { form, submit, messageOf, pending, alerts };
}

function countErrors(errors: FieldErrors): number {
  let n = 0;
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if ('message' in node && typeof (node as { message?: unknown }).message === 'string') {
      n += 1;
      return;
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(errors);
  return n;
}
