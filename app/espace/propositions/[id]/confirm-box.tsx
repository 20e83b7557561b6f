/** The "I confirm" box of an irreversible step: the server refuses the step without it. */
export function ConfirmBox({ id, label, error, defaultChecked }: { id: string; label: string; error?: string; defaultChecked?: boolean }) {
  return (
    <div className="field confirm">
      {error ? (
        <span className="error-text" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <label className="checkbox" htmlFor={id}>
        <input type="checkbox" id={id} name="confirmed" defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} /> {label}
      </label>
    </div>
  );
}
