'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useRef, type FormEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';
import { translateKey } from '@/lib/i18n/translate';

/**
 * A form posted to a server action, checked first in the browser with the same zod
 * schema the server runs. Without JavaScript the form posts straight to the action,
 * which checks everything again; either way the errors land on the same fields.
 */
export function useCheckedActionForm<Input extends FieldValues, Output, State extends FormState>(options: {
  schema: z.ZodType<Output, Input>;
  action: (state: Awaited<State>, formData: FormData) => Promise<State>;
  defaultValues?: DefaultValues<Input>;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(options.action, {} as Awaited<State>);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(options.schema) as unknown as Resolver<Input, unknown, Output>,
    defaultValues: options.defaultValues,
  });
  const { errors } = form.formState;
  // zod's messages are catalog keys: the page gives this form the 'validation' namespace.
  const t = useTranslations();

  /** The browser's message for a field if it has one, else the server's. */
  const errorFor = (field: string): string | undefined => {
    const key = (get(errors, field) as { message?: string } | undefined)?.message;
    return key ? translateKey(t, key) : state.fieldErrors?.[field];
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event);
  };

  return { form, state, pending, formRef, formAction, onSubmit, errorFor };
}
