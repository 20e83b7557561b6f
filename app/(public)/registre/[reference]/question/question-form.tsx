'use client';

import { useActionState, useEffect, useRef } from 'react';
import { askQuestionAction, type AskState } from './actions';

export interface QuestionFormLabels {
  kind: string;
  kindQuestion: string;
  kindConcern: string;
  name: string;
  nameHint: string;
  email: string;
  emailHint: string;
  body: string;
  bodyHint: string;
  honeypot: string;
  submit: string;
  required: string;
  summaryTitle: string;
}

const FIELDS = ['kind', 'askerName', 'askerEmail', 'body'] as const;

/** The question page of a decision, where the form's posts land without JavaScript. */
export const questionPath = (reference: string) => `/registre/${encodeURIComponent(reference)}/question`;

/**
 * The residents' question form, on the decision page and on the question page. A plain
 * form posted to a server action: it works without JavaScript (the question page comes back
 * with the error summary, field messages and the text typed). The honeypot is moved off screen (not display:none, which some robots skip),
 * out of the tab order and of autofill.
 */
export function QuestionForm({ reference, stamp, labels }: { reference: string; stamp: string; labels: QuestionFormLabels }) {
  // The permalink: without JavaScript the form posts to the question page, which draws the same
  // form with the outcome (messages and text typed), wherever it was sent from (the decision page too).
  const [state, formAction, pending] = useActionState<AskState, FormData>(askQuestionAction, {}, questionPath(reference));
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasProblem = Boolean(state.message);
  useEffect(() => {
    if (state.attempt) summaryRef.current?.focus();
  }, [state.attempt]);
  const fieldLabel: Record<(typeof FIELDS)[number], string> = { kind: labels.kind, askerName: labels.name, askerEmail: labels.email, body: labels.body };
  const describedBy = (id: string, hint: boolean) => [hint ? `${id}-hint` : null, errors[id] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const items = FIELDS.filter((f) => errors[f]).map((f) => ({ id: f === 'kind' ? 'kind-question' : f, message: `${fieldLabel[f]} – ${errors[f]}` }));

  return (
    <form action={formAction} noValidate className="question-form">
      {hasProblem ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="question-error-title" role="alert">
          <h2 id="question-error-title">{items.length ? labels.summaryTitle : state.message}</h2>
          {items.length ? (
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <a href={`#${item.id}`}>{item.message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="stamp" value={state.stamp ?? stamp} />
      <fieldset className="field" aria-describedby={errors.kind ? 'kind-error' : undefined}>
        <legend>
          {labels.kind} <abbr title={labels.required}>*</abbr>
        </legend>
        {errors.kind ? (
          <span className="error-text" id="kind-error">
            {errors.kind}
          </span>
        ) : null}
        <div className="choice">
          <input type="radio" id="kind-question" name="kind" value="question" defaultChecked={(values?.kind ?? 'question') === 'question'} />
          <label htmlFor="kind-question">{labels.kindQuestion}</label>
        </div>
        <div className="choice">
          <input type="radio" id="kind-concern" name="kind" value="concern" defaultChecked={values?.kind === 'concern'} />
          <label htmlFor="kind-concern">{labels.kindConcern}</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="body">
          {labels.body} <abbr title={labels.required}>*</abbr>
        </label>
        <span className="hint" id="body-hint">
          {labels.bodyHint}
        </span>
        {errors.body ? (
          <span className="error-text" id="body-error">
            {errors.body}
          </span>
        ) : null}
        <textarea id="body" name="body" rows={6} required maxLength={2000} defaultValue={values?.body} aria-invalid={errors.body ? true : undefined} aria-describedby={describedBy('body', true)} />
      </div>
      <div className="field">
        <label htmlFor="askerName">{labels.name}</label>
        <span className="hint" id="askerName-hint">
          {labels.nameHint}
        </span>
        {errors.askerName ? (
          <span className="error-text" id="askerName-error">
            {errors.askerName}
          </span>
        ) : null}
        <input id="askerName" name="askerName" type="text" autoComplete="name" maxLength={100} defaultValue={values?.askerName} aria-invalid={errors.askerName ? true : undefined} aria-describedby={describedBy('askerName', true)} />
      </div>
      <div className="field">
        <label htmlFor="askerEmail">{labels.email}</label>
        <span className="hint" id="askerEmail-hint">
          {labels.emailHint}
        </span>
        {errors.askerEmail ? (
          <span className="error-text" id="askerEmail-error">
            {errors.askerEmail}
          </span>
        ) : null}
        <input id="askerEmail" name="askerEmail" type="email" autoComplete="email" defaultValue={values?.askerEmail} aria-invalid={errors.askerEmail ? true : undefined} aria-describedby={describedBy('askerEmail', true)} />
      </div>
      {/* The honeypot: people never see it, robots often fill it. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="website">{labels.honeypot}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
