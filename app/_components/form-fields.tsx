import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  requiredLabel?: string;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({ id, name, label, hint, error, requiredLabel, required, ...input }: FieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} requiredLabel={requiredLabel}>
      {(describedBy) => <input id={id} name={name ?? id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
    </FieldShell>
  );
}

export function FormAlert({ kind, children }: { kind: 'error' | 'success'; children: ReactNode }) {
  return (
    <div className={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

interface Described {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
}

/** The label, hint and error around any control, wired with aria-describedby. */
function FieldShell({ id, label, hint, error, required, requiredLabel, children }: Described & { children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && requiredLabel ? (
          <>
            {' '}
            <abbr title={requiredLabel}>*</abbr>
          </>
        ) : null}
      </label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-text" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  requiredLabel,
  children,
  ...select
}: Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} requiredLabel={requiredLabel}>
      {(describedBy) => (
        <select id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  requiredLabel,
  ...textarea
}: Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} requiredLabel={requiredLabel}>
      {(describedBy) => <textarea id={id} rows={4} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />}
    </FieldShell>
  );
}
