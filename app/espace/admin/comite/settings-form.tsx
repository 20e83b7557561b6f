'use client';

import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, TextField } from '@/app/_components/form-fields';
import { MAJORITY_RULES, QUORUM_RULES } from '@/lib/domain/committee';
import { CAMERA_PRECISIONS } from '@/lib/domain/vocabulary';
import { updateSettingsAction, type SettingsState, type SettingsValues } from './actions';

type Labels = Record<
  | 'quorum'
  | 'quorumHelp'
  | 'quorumFixed'
  | 'quorumFixedHint'
  | 'majority'
  | 'majorityHelp'
  | 'chairCastingVote'
  | 'chairCastingVoteHint'
  | 'noticeDays'
  | 'noticeDaysHint'
  | 'proxiesAllowed'
  | 'proxiesAllowedHint'
  | 'renewalLeadMonths'
  | 'renewalLeadMonthsHint'
  | 'cameraPrecision'
  | 'cameraPrecisionHint'
  | 'submit'
  | 'required',
  string
> & {
  quorumRules: Record<(typeof QUORUM_RULES)[number], string>;
  majorityRules: Record<(typeof MAJORITY_RULES)[number], string>;
  cameraPrecisions: Record<(typeof CAMERA_PRECISIONS)[number], string>;
};

/** The id a field's error links to: a group of radio buttons is reached by its first button. */
const idFor = (path: string) =>
  path === 'quorumRule'
    ? `quorumRule-${QUORUM_RULES[0]}`
    : path === 'majorityRule'
      ? `majorityRule-${MAJORITY_RULES[0]}`
      : path === 'cameraPrecision'
        ? `cameraPrecision-${CAMERA_PRECISIONS[0]}`
        : path;

/**
 * The committee's rules, as a plain form posted to the server action: it works without
 * JavaScript, and a refused form comes back with what was typed and an error summary.
 */
export function SettingsForm({ initial, revision, labels }: { initial: SettingsValues; revision: number; labels: Labels }) {
  const [state, formAction, pending] = useActionState<SettingsState, FormData>(updateSettingsAction, {});
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? initial;
  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;
  return (
    // React resets the form after the action: to the values sent back by a refused submission.
    <form action={formAction} noValidate>
      <ErrorSummary items={summaryItems(errors, idFor)} focusKey={state} />
      {state.message && !Object.keys(errors).length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="revision" value={revision} />

      <fieldset className="card" aria-describedby={described('quorumRule-hint', errors.quorumRule ? 'quorumRule-error' : false)}>
        <legend>{labels.quorum}</legend>
        <p className="hint" id="quorumRule-hint">
          {labels.quorumHelp}
        </p>
        {errors.quorumRule ? (
          <p className="error-text" id="quorumRule-error">
            {errors.quorumRule}
          </p>
        ) : null}
        {QUORUM_RULES.map((rule) => (
          <label key={rule} className="checkbox" htmlFor={`quorumRule-${rule}`}>
            <input type="radio" id={`quorumRule-${rule}`} name="quorumRule" value={rule} defaultChecked={values.quorumRule === rule} /> {labels.quorumRules[rule]}
          </label>
        ))}
        <TextField
          id="quorumFixed"
          label={labels.quorumFixed}
          hint={labels.quorumFixedHint}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.quorumFixed}
          error={errors.quorumFixed}
        />
      </fieldset>

      <fieldset className="card" aria-describedby={described('majorityRule-hint', errors.majorityRule ? 'majorityRule-error' : false)}>
        <legend>{labels.majority}</legend>
        <p className="hint" id="majorityRule-hint">
          {labels.majorityHelp}
        </p>
        {errors.majorityRule ? (
          <p className="error-text" id="majorityRule-error">
            {errors.majorityRule}
          </p>
        ) : null}
        {MAJORITY_RULES.map((rule) => (
          <label key={rule} className="checkbox" htmlFor={`majorityRule-${rule}`}>
            <input type="radio" id={`majorityRule-${rule}`} name="majorityRule" value={rule} defaultChecked={values.majorityRule === rule} /> {labels.majorityRules[rule]}
          </label>
        ))}
        <div className="field">
          <label className="checkbox" htmlFor="chairCastingVote">
            <input type="checkbox" id="chairCastingVote" name="chairCastingVote" defaultChecked={values.chairCastingVote} aria-describedby="chairCastingVote-hint" /> {labels.chairCastingVote}
          </label>
          <span className="hint" id="chairCastingVote-hint">
            {labels.chairCastingVoteHint}
          </span>
        </div>
      </fieldset>

      <TextField
        id="noticeDays"
        label={labels.noticeDays}
        hint={labels.noticeDaysHint}
        required
        requiredLabel={labels.required}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.noticeDays}
        error={errors.noticeDays}
      />

      <div className="field">
        <label className="checkbox" htmlFor="proxiesAllowed">
          <input type="checkbox" id="proxiesAllowed" name="proxiesAllowed" defaultChecked={values.proxiesAllowed} aria-describedby="proxiesAllowed-hint" /> {labels.proxiesAllowed}
        </label>
        <span className="hint" id="proxiesAllowed-hint">
          {labels.proxiesAllowedHint}
        </span>
      </div>

      <TextField
        id="renewalLeadMonths"
        label={labels.renewalLeadMonths}
        hint={labels.renewalLeadMonthsHint}
        required
        requiredLabel={labels.required}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.renewalLeadMonths}
        error={errors.renewalLeadMonths}
      />

      <fieldset className="card" aria-describedby={described('cameraPrecision-hint', errors.cameraPrecision ? 'cameraPrecision-error' : false)}>
        <legend>{labels.cameraPrecision}</legend>
        <p className="hint" id="cameraPrecision-hint">
          {labels.cameraPrecisionHint}
        </p>
        {errors.cameraPrecision ? (
          <p className="error-text" id="cameraPrecision-error">
            {errors.cameraPrecision}
          </p>
        ) : null}
        {CAMERA_PRECISIONS.map((precision) => (
          <label key={precision} className="checkbox" htmlFor={`cameraPrecision-${precision}`}>
            <input type="radio" id={`cameraPrecision-${precision}`} name="cameraPrecision" value={precision} defaultChecked={values.cameraPrecision === precision} /> {labels.cameraPrecisions[precision]}
          </label>
        ))}
      </fieldset>

      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
