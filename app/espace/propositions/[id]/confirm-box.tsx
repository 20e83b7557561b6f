/** The "I confirm" box of an irreversible step: the server refuses the step without it. */
export function ConfirmBox({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div className="field confirm">
      {error ? (
        <span className="error-text" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <label className="checkbox" htmlFor={id}>
        <input type="checkbox" id={id} name="confirmed" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} /> {label}
      </label>
    </div>
  );
}
