'use client';

import { useActionState, useState, useTransition, type FormEvent } from 'react';
import { ErrorSummary, fieldId } from '@/app/_components/error-summary';
import { FormAlert, SelectField, TextAreaField, TextField } from '@/app/_components/form-fields';
import { ConfirmBox } from '@/app/espace/propositions/[id]/confirm-box';
import type { StepState } from '../actions';

export interface Option {
  value: string;
  label: string;
}

/** What a committee form shows, described by the (server) page that knows the labels. */
export type FieldSpec =
  | { kind: 'hidden'; name: string; value: string }
  | { kind: 'text'; name: string; label: string; type?: 'text' | 'url' | 'date' | 'datetime-local'; hint?: string; required?: boolean; defaultValue?: string; autoComplete?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; rows?: number }
  | { kind: 'select'; name: string; label: string; options: Option[]; hint?: string; required?: boolean; defaultValue?: string }
  | { kind: 'radios'; name: string; legend: string; options: Option[]; hint?: string; defaultValue?: string }
  | { kind: 'confirm'; label: string }
  | { kind: 'group'; legend: string; fields: FieldSpec[] };

type Action = (previous: StepState, formData: FormData) => Promise<StepState>;

/** What a `sendTo` route answers: the form's state, and on success whatever the route adds. */
export type SentAnswer = StepState & Record<string, unknown>;

function names(fields: FieldSpec[]): string[] {
  return fields.flatMap((f) => (f.kind === 'group' ? names(f.fields) : f.kind === 'confirm' ? ['confirmed'] : f.kind === 'hidden' ? [] : [f.name]));
}

/**
 * One form of the committee's pages: plain fields posted to a server action, so it works
 * without JavaScript. A refusal comes back with the error summary (focused, a link per
 * field), each error on its field, the server's own message above, and what was typed.
 * `idPrefix` keeps ids unique when the page holds several forms (one per agenda item).
 */
export function StepForm({
  action,
  idPrefix,
  fields,
  submit,
  danger,
  requiredLabel,
  className,
  sendTo,
  onSent,
  onFallback,
}: {
  action: Action;
  idPrefix: string;
  fields: FieldSpec[];
  submit: string;
  danger?: boolean;
  requiredLabel: string;
  className?: string;
  /**
   * With script, the form goes to this route handler (JSON, see jsonCommand) and the page is
   * not rendered again; without script, or when the route gives no JSON answer (a lapsed
   * session, the network), it goes to `action` as before.
   */
  sendTo?: string;
  /** Told of each answer from `sendTo` that succeeded. */
  onSent?: (answer: SentAnswer) => void;
  /** Told when a form meant for `sendTo` goes to the action instead (the page then comes back from the server). */
  onFallback?: () => void;
}) {
  const [actionState, formAction, pending] = useActionState<StepState, FormData>(action, {});
  const [sent, setSent] = useState<SentAnswer | null>(null);
  const [sending, setSending] = useState(false);
  const [, startTransition] = useTransition();
  const state: StepState = sent ?? actionState;
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const known = new Set(names(fields));
  const idOf = (name: string) => `${idPrefix}-${fieldId(name)}`;
  const summary = Object.entries(errors)
    .filter(([path]) => known.has(path))
    .map(([path, message]) => ({ id: idOf(path), message }));
  // Errors about no one field (the session's state, the quorum, the attendance as a whole): above the form.
  const general = Object.entries(errors).filter(([path]) => !known.has(path));

  /** What every labelled field shares: its id, name, label, hint, required mark and error. */
  const labelled = (f: { name: string; label: string; hint?: string; required?: boolean }) => ({
    id: idOf(f.name),
    name: f.name,
    label: f.label,
    hint: f.hint,
    required: f.required,
    requiredLabel,
    error: errors[f.name],
  });

  const render = (f: FieldSpec, key: string) => {
    switch (f.kind) {
      case 'hidden':
        return <input key={key} type="hidden" name={f.name} value={f.value} />;
      case 'text':
        return (
          <TextField
            key={key}
            {...labelled(f)}
            type={f.type ?? 'text'}
            defaultValue={values[f.name] ?? f.defaultValue}
            autoComplete={f.autoComplete}
          />
        );
      case 'textarea':
        return (
          <TextAreaField
            key={key}
            {...labelled(f)}
            defaultValue={values[f.name] ?? f.defaultValue}
            rows={f.rows ?? 3}
          />
        );
      case 'select':
        return (
          <SelectField
            key={key}
            {...labelled(f)}
            defaultValue={values[f.name] ?? f.defaultValue ?? ''}
          >
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
        );
      case 'radios': {
        const id = idOf(f.name);
        const error = errors[f.name];
        const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
        const checked = values[f.name] ?? f.defaultValue;
        return (
          <fieldset key={key} className="field radios" aria-describedby={describedBy}>
            <legend>{f.legend}</legend>
            {f.hint ? (
              <span className="hint" id={`${id}-hint`}>
                {f.hint}
              </span>
            ) : null}
            {error ? (
              <span className="error-text" id={`${id}-error`}>
                {error}
              </span>
            ) : null}
            {f.options.map((o, i) => (
              <label key={o.value} className="checkbox" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
                <input type="radio" id={i === 0 ? id : `${id}-${o.value}`} name={f.name} value={o.value} defaultChecked={checked === o.value} /> {o.label}
              </label>
            ))}
          </fieldset>
        );
      }
      case 'confirm':
        return <ConfirmBox key={key} id={idOf('confirmed')} label={f.label} error={errors.confirmed} defaultChecked={values.confirmed === 'on'} />;
      case 'group':
        return (
          <fieldset key={key} className="group">
            <legend>{f.legend}</legend>
            {f.fields.map((inner, i) => render(inner, `${key}-${i}`))}
          </fieldset>
        );
    }
  };

  async function send(event: FormEvent<HTMLFormElement>) {
    if (!sendTo) return;
    // React leaves the action alone when the submit event is cancelled.
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSending(true);
    const answer = await fetch(sendTo, { method: 'POST', body: data, headers: { Accept: 'application/json' } })
      // Signed out meanwhile (401, or the proxy's redirect to sign in): the action takes the reader there.
      .then((res) => (!res.redirected && res.status !== 401 && res.headers.get('content-type')?.startsWith('application/json') ? (res.json() as Promise<SentAnswer>) : null))
      .catch(() => null);
    setSending(false);
    if (!answer) {
      setSent(null);
      onFallback?.();
      startTransition(() => formAction(data));
      return;
    }
    setSent(answer);
    if (answer.ok) onSent?.(answer);
  }

  return (
    <form action={formAction} onSubmit={sendTo ? send : undefined} noValidate className={className}>
      <ErrorSummary items={summary} focusKey={state} />
      {state.ok && state.message ? <FormAlert kind="success">{state.message}</FormAlert> : null}
      {!state.ok && state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {general.map(([path, message]) => (
        <FormAlert key={path} kind="error">
          {message}
        </FormAlert>
      ))}
      {fields.map((f, i) => render(f, String(i)))}
      <button type="submit" className={danger ? 'danger' : undefined} disabled={pending || sending}>
        {submit}
      </button>
    </form>
  );
}
