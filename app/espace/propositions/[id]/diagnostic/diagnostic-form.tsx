'use client';

import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { fieldId } from '@/app/_components/error-summary';
import { SelectField, TextAreaField, TextField } from '@/app/_components/form-fields';
import { useTranslations } from 'next-intl';
import {
  ACTORS,
  ALTERNATIVES,
  diagnosticConcludeFormSchemaFor,
  diagnosticDraftSchema,
  type DiagnosticFormInput,
  type DiagnosticFormValues,
} from '@/lib/validation/diagnostics';
import { useTwoStepForm } from '../../_components/two-step-form';
import { concludeDiagnosticAction, saveDiagnosticAction } from '../../actions';
import { DIAGNOSTIC_CONCLUSIONS, DPIA_STATUSES, FACT_TYPES } from '@/lib/domain/vocabulary';
import { DPIA_DOCUMENT_FIELD, DpiaDocumentField, DpiaUploadForm, useDpiaUpload, type DpiaDocumentSummary } from './dpia-section';

interface Props {
  diagnosticId: string;
  revision: number;
  version: number;
  /** The proposal's kind: a re-review asks for the before/after comparison. */
  kind: string;
  defaultValues: DiagnosticFormInput;
  /** The impact assessment already attached to this version, if any. */
  dpiaDocument: DpiaDocumentSummary | null;
}

/** The prevention officer's structured diagnostic (DOMAIN.md rule 5): save any time, conclude when complete. */
export function DiagnosticForm({ diagnosticId, revision: initialRevision, version, kind, defaultValues, dpiaDocument }: Props) {
  const t = useTranslations();
  const [revision, setRevision] = useState(initialRevision);
  const { form, submit, messageOf, pending, alerts } = useTwoStepForm<DiagnosticFormInput, DiagnosticFormValues>({
    defaultValues,
    lenient: diagnosticDraftSchema,
    strict: () => diagnosticConcludeFormSchemaFor(kind, dpiaDocument !== null),
    idFor: (path) => (path === 'delinquencyFacts' ? 'add-fact' : path === 'dpiaDocument' ? DPIA_DOCUMENT_FIELD : fieldId(path)),
    async send(values, final) {
      const payload = { ...values, diagnosticId, revision };
      const result = final ? await concludeDiagnosticAction(payload) : await saveDiagnosticAction(payload);
      if (result.ok && result.revision) setRevision(result.revision);
      return result;
    },
  });
  const { register, control, watch } = form;
  const facts = useFieldArray({ control, name: 'delinquencyFacts' });
  const required = t('common.required');
  const dpiaStatus = watch('dpiaStatus');
  const upload = useDpiaUpload();

  return (
    <>
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <p>
          <strong>{t('diagnostic.version', { version })}</strong> – {t('diagnostic.draftState')}
        </p>
        {alerts}
        <p>{t('diagnostic.formIntro')}</p>
        <p>{t('common.requiredFieldsNote')}</p>

        <h2>{t('diagnostic.factsTitle')}</h2>
        <p className="hint">{t('diagnostic.factsHint')}</p>
        {messageOf('delinquencyFacts') ? (
          <p className="error-text" role="alert">
            {messageOf('delinquencyFacts')}
          </p>
        ) : null}
        {facts.fields.map((field, i) => (
          <fieldset key={field.id} className="camera-fieldset">
            <legend>{t('diagnostic.fact', { n: i + 1 })}</legend>
            <div className="field-row">
              <SelectField id={`delinquencyFacts-${i}-type`} label={t('diagnostic.factType')} required requiredLabel={required} error={messageOf(`delinquencyFacts.${i}.type`)} {...register(`delinquencyFacts.${i}.type`)}>
                {FACT_TYPES.map((f) => (
                  <option key={f} value={f}>
                    {t(`diagnostic.factTypes.${f}`)}
                  </option>
                ))}
              </SelectField>
              <TextField id={`delinquencyFacts-${i}-year`} label={t('diagnostic.factYear')} inputMode="numeric" required requiredLabel={required} error={messageOf(`delinquencyFacts.${i}.year`)} {...register(`delinquencyFacts.${i}.year`)} />
              <TextField id={`delinquencyFacts-${i}-count`} label={t('diagnostic.factCount')} inputMode="numeric" required requiredLabel={required} error={messageOf(`delinquencyFacts.${i}.count`)} {...register(`delinquencyFacts.${i}.count`)} />
            </div>
            <button type="button" className="secondary" onClick={() => facts.remove(i)}>
              {t('diagnostic.removeFact', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" id="add-fact" className="secondary" onClick={() => facts.append({ type: 'vandalism', year: String(new Date().getFullYear() - 1), count: '' })}>
            {t('diagnostic.addFact')}
          </button>
        </p>

        <TextAreaField id="siteDescription" label={t('diagnostic.siteDescription')} required requiredLabel={required} error={messageOf('siteDescription')} {...register('siteDescription')} />

        <h2>{t('diagnostic.actorsTitle')}</h2>
        <p className="hint">{t('diagnostic.actorsHint')}</p>
        {ACTORS.map((a) => (
          <TextAreaField key={a} id={`actorsConsulted-${a}`} rows={2} label={t(`diagnostic.actors.${a}`)} required requiredLabel={required} error={messageOf(`actorsConsulted.${a}`)} {...register(`actorsConsulted.${a}`)} />
        ))}

        <h2>{t('diagnostic.alternativesTitle')}</h2>
        <p className="hint">{t('diagnostic.alternativesHint')}</p>
        {ALTERNATIVES.map((a) => (
          <TextAreaField key={a} id={`alternatives-${a}`} rows={2} label={t(`diagnostic.alternatives.${a}`)} required requiredLabel={required} error={messageOf(`alternatives.${a}`)} {...register(`alternatives.${a}`)} />
        ))}

        <h2>{t('diagnostic.proportionality')}</h2>
        {(['proportionality', 'privacyRisks', 'expectedEffect', 'costAssessment'] as const).map((f) => (
          <TextAreaField key={f} id={f} label={t(`diagnostic.${f}`)} required requiredLabel={required} error={messageOf(f)} {...register(f)} />
        ))}
        <div id="dpia" tabIndex={-1}>
          <SelectField id="dpiaStatus" label={t('diagnostic.dpiaStatus')} hint={t('diagnostic.dpia.statusHint')} required requiredLabel={required} error={messageOf('dpiaStatus')} {...register('dpiaStatus')}>
            <option value="">{t('common.choose')}</option>
            {DPIA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`diagnostic.dpiaStatuses.${s}`)}
              </option>
            ))}
          </SelectField>
          {dpiaStatus === 'completed' ? (
            <fieldset className="camera-fieldset">
              <legend>{t('diagnostic.dpia.completedLegend')}</legend>
              <DpiaDocumentField document={dpiaDocument} upload={upload} conclusionError={messageOf('dpiaDocument')} requiredLabel={required} />
              <TextField id="dpoOpinionOn" type="date" label={t('diagnostic.dpia.dpoOpinionOn')} required requiredLabel={required} error={messageOf('dpoOpinionOn')} {...register('dpoOpinionOn')} />
              <TextAreaField id="dpoOpinion" label={t('diagnostic.dpia.dpoOpinion')} hint={t('diagnostic.dpia.dpoOpinionHint')} required requiredLabel={required} error={messageOf('dpoOpinion')} {...register('dpoOpinion')} />
            </fieldset>
          ) : dpiaStatus === 'not_required' ? (
            <TextAreaField id="dpiaNotRequiredReason" label={t('diagnostic.dpia.notRequiredReason')} hint={t('diagnostic.dpia.notRequiredReasonHint')} required requiredLabel={required} rows={3} error={messageOf('dpiaNotRequiredReason')} {...register('dpiaNotRequiredReason')} />
          ) : dpiaStatus ? (
            <p className="hint">{t('diagnostic.dpia.notFinished')}</p>
          ) : null}
        </div>

        {kind === 're_review' ? (
          <TextAreaField id="evaluationComparison" label={t('observatory.diagnostic.comparisonLabel')} hint={t('observatory.diagnostic.comparisonHint')} required requiredLabel={required} rows={6} error={messageOf('evaluationComparison')} {...register('evaluationComparison')} />
        ) : null}

        <h2>{t('diagnostic.conclusion')}</h2>
        <TextAreaField id="publicSummary" label={t('diagnostic.publicSummary')} hint={t('diagnostic.publicSummaryHint')} required requiredLabel={required} error={messageOf('publicSummary')} {...register('publicSummary')} />
        <SelectField id="conclusion" label={t('diagnostic.conclusion')} required requiredLabel={required} error={messageOf('conclusion')} {...register('conclusion')}>
          <option value="">{t('common.choose')}</option>
          {DIAGNOSTIC_CONCLUSIONS.map((c) => (
            <option key={c} value={c}>
              {t(`diagnostic.conclusions.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id="conditions" label={t('diagnostic.conditions')} hint={t('diagnostic.conditionsHint')} rows={3} error={messageOf('conditions')} {...register('conditions')} />

        <div className="field confirm">
          <p className="hint" id="conclude-help">
            {t('diagnostic.concludeHelp')}
          </p>
          {messageOf('confirmed') ? (
            <span className="error-text" id="confirmed-error">
              {messageOf('confirmed')}
            </span>
          ) : null}
          <label className="checkbox" htmlFor="confirmed">
            <input
              type="checkbox"
              id="confirmed"
              aria-invalid={messageOf('confirmed') ? true : undefined}
              aria-describedby={messageOf('confirmed') ? 'conclude-help confirmed-error' : 'conclude-help'}
              {...register('confirmed')}
            />{' '}
            {t('diagnostic.concludeConfirm')}
          </label>
        </div>

        <div className="form-actions">
          <button type="submit" className="secondary" disabled={pending} onClick={(event) => submit(false, event)}>
            {t('diagnostic.save')}
          </button>
          <button type="submit" disabled={pending} onClick={(event) => submit(true, event)} aria-describedby="conclude-help">
            {t('diagnostic.conclude')}
          </button>
        </div>
      </form>
      <DpiaUploadForm diagnosticId={diagnosticId} upload={upload} />
    </>
  );
}
