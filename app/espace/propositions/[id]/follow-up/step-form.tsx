'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, SelectField, TextAreaField, TextField } from '@/app/_components/form-fields';
import type { StepFormState } from './actions';

type Action = (state: StepFormState, formData: FormData) => Promise<StepFormState>;

export interface StepField {
  name: string;
  kind: 'date' | 'text' | 'textarea' | 'select' | 'checkbox' | 'number';
  label: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  /** For a checkbox: 'on' when ticked. For a select: the chosen value. */
  /** For a select: value → label ('' first for "choose"). */
  options?: [string, string][];
  maxLength?: number;
}

/**
 * One step of the follow-up sent to a command (a filing, an opinion, the prefect's
 * decision, a condition checked): a plain form that works without JavaScript, with the
 * error summary, and what was typed kept after a refusal.
 */
export function StepForm({ action, idPrefix, hidden, fields, labels }: { action: Action; idPrefix: string; hidden: Record<string, string>; fields: StepField[]; labels: { submit: string; required: string } }) {
  const [state, formAction, pending] = useActionState<StepFormState, FormData>(action, {});
  const errors = state.fieldErrors ?? {};
  const id = (name: string) => `${idPrefix}-${name}`;
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => path !== '_form' && fields.some((f) => f.name === path)));
  const other = Object.entries(errors).find(([path]) => path !== '_form' && !fields.some((f) => f.name === path));
  const value = (f: StepField) => state.values?.[f.name] ?? f.defaultValue ?? '';
  return (
    <form action={formAction} noValidate>
      <ErrorSummary items={summaryItems(fieldErrors, id)} focusKey={state} />
      {errors._form ? <FormAlert kind="error">{errors._form}</FormAlert> : other ? <FormAlert kind="error">{other[1]}</FormAlert> : state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {fields.map((f) => {
        const common = { id: id(f.name), name: f.name, label: f.label, hint: f.hint, required: f.required, requiredLabel: labels.required, error: errors[f.name] };
        // The key changes with a refused attempt, so that the typed value is shown again.
        const key = `${f.name}-${state.attempt ?? 0}`;
        if (f.kind === 'checkbox') {
          const hintId = f.hint ? `${id(f.name)}-hint` : undefined;
          const errorId = errors[f.name] ? `${id(f.name)}-error` : undefined;
          return (
            <div key={key} className="field">
              <label className="checkbox" htmlFor={id(f.name)}>
                <input type="checkbox" id={id(f.name)} name={f.name} defaultChecked={value(f) === 'on'} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} /> {f.label}
              </label>
              {f.hint ? (
                <span className="hint" id={hintId}>
                  {f.hint}
                </span>
              ) : null}
              {errors[f.name] ? (
                <p className="error-text" id={errorId}>
                  {errors[f.name]}
                </p>
              ) : null}
            </div>
          );
        }
        if (f.kind === 'number') return <TextField key={key} {...common} inputMode="numeric" autoComplete="off" defaultValue={value(f)} maxLength={4} />;
        if (f.kind === 'textarea') return <TextAreaField key={key} {...common} defaultValue={value(f)} maxLength={f.maxLength ?? 2000} rows={3} />;
        if (f.kind === 'select')
          return (
            <SelectField key={key} {...common} defaultValue={value(f)}>
              {(f.options ?? []).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </SelectField>
          );
        return <TextField key={key} {...common} type={f.kind === 'date' ? 'date' : 'text'} defaultValue={value(f)} maxLength={f.kind === 'text' ? (f.maxLength ?? 100) : undefined} />;
      })}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
