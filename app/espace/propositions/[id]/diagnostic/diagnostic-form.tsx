'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, useTransition } from 'react';
import { get, useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { FormAlert, SelectField, TextAreaField, TextField } from '@/app/_components/form-fields';
import { DIAGNOSTIC_CONCLUSIONS, DPIA_STATUSES, FACT_TYPES } from '@/db/schema';
import { makeTranslate, type Locale } from '@/lib/i18n/catalog';
import {
  ACTORS,
  ALTERNATIVES,
  diagnosticConcludeFormSchema,
  diagnosticDraftSchema,
  type DiagnosticFormInput,
  type DiagnosticFormValues,
} from '@/lib/validation/diagnostics';
import { concludeDiagnosticAction, saveDiagnosticAction, type SaveResult } from '../../actions';

interface Props {
  locale: Locale;
  proposalId: string;
  diagnosticId: string;
  lockVersion: number;
  version: number;
  defaultValues: DiagnosticFormInput;
}

type Intent = 'save' | 'conclude';

/** The prevention officer's structured diagnostic (DOMAIN.md rule 5): save any time, conclude when complete. */
export function DiagnosticForm({ locale, proposalId, diagnosticId, lockVersion: initialLock, version, defaultValues }: Props) {
  const t = makeTranslate(locale);
  const intent = useRef<Intent>('save');
  const [lockVersion, setLockVersion] = useState(initialLock);
  const [outcome, setOutcome] = useState<SaveResult | null>(null);
  const [pending, startTransition] = useTransition();
  const resolver: Resolver<DiagnosticFormInput, unknown, DiagnosticFormValues> = (values, context, options) =>
    zodResolver(intent.current === 'conclude' ? diagnosticConcludeFormSchema : diagnosticDraftSchema)(values, context, options);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DiagnosticFormInput, unknown, DiagnosticFormValues>({ resolver, defaultValues });
  const facts = useFieldArray({ control, name: 'delinquencyFacts' });
  const required = t('common.required');

  const messageOf = (path: string): string | undefined => {
    const message = (get(errors, path) as { message?: string } | undefined)?.message;
    return message ? (/^(validation|errors|lifecycle)\./.test(message) ? t(message) : message) : undefined;
  };

  const send = (chosen: Intent, event: React.MouseEvent) => {
    intent.current = chosen;
    setOutcome(null);
    void handleSubmit((values) =>
      startTransition(async () => {
        const payload = { ...values, diagnosticId, lockVersion };
        const result = chosen === 'conclude' ? await concludeDiagnosticAction(payload, proposalId) : await saveDiagnosticAction(payload);
        setOutcome(result);
        if (result.ok && result.version) setLockVersion(result.version);
        for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
          if (path !== '_form') setError(path as never, { type: 'server', message });
        }
      }),
    )(event);
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      <p>
        <strong>{t('diagnostic.version', { version })}</strong> – {t('diagnostic.draftState')}
      </p>
      {hasErrors ? <FormAlert kind="error">{t('errors.invalid')}</FormAlert> : null}
      {outcome?.message ? (
        <FormAlert kind={outcome.ok ? 'success' : 'error'}>
          {outcome.message}
          {outcome.fieldErrors?._form ? ` ${outcome.fieldErrors._form}` : ''}
        </FormAlert>
      ) : null}
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
            <SelectField id={`fact-${i}-type`} label={t('diagnostic.factType')} required requiredLabel={required} error={messageOf(`delinquencyFacts.${i}.type`)} {...register(`delinquencyFacts.${i}.type`)}>
              {FACT_TYPES.map((f) => (
                <option key={f} value={f}>
                  {t(`diagnostic.factTypes.${f}`)}
                </option>
              ))}
            </SelectField>
            <TextField id={`fact-${i}-year`} label={t('diagnostic.factYear')} inputMode="numeric" required requiredLabel={required} error={messageOf(`delinquencyFacts.${i}.year`)} {...register(`delinquencyFacts.${i}.year`)} />
            <TextField id={`fact-${i}-count`} label={t('diagnostic.factCount')} inputMode="numeric" required requiredLabel={required} error={messageOf(`delinquencyFacts.${i}.count`)} {...register(`delinquencyFacts.${i}.count`)} />
          </div>
          <button type="button" className="secondary" onClick={() => facts.remove(i)}>
            {t('diagnostic.removeFact', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="secondary" onClick={() => facts.append({ type: 'vandalism', year: String(new Date().getFullYear() - 1), count: '' })}>
          {t('diagnostic.addFact')}
        </button>
      </p>

      <TextAreaField id="siteDescription" label={t('diagnostic.siteDescription')} required requiredLabel={required} error={messageOf('siteDescription')} {...register('siteDescription')} />

      <h2>{t('diagnostic.actorsTitle')}</h2>
      <p className="hint">{t('diagnostic.actorsHint')}</p>
      {ACTORS.map((a) => (
        <TextAreaField key={a} id={`actor-${a}`} rows={2} label={t(`diagnostic.actors.${a}`)} required requiredLabel={required} error={messageOf(`actorsConsulted.${a}`)} {...register(`actorsConsulted.${a}`)} />
      ))}

      <h2>{t('diagnostic.alternativesTitle')}</h2>
      <p className="hint">{t('diagnostic.alternativesHint')}</p>
      {ALTERNATIVES.map((a) => (
        <TextAreaField key={a} id={`alternative-${a}`} rows={2} label={t(`diagnostic.alternatives.${a}`)} required requiredLabel={required} error={messageOf(`alternatives.${a}`)} {...register(`alternatives.${a}`)} />
      ))}

      <h2>{t('diagnostic.proportionality')}</h2>
      {(['proportionality', 'privacyRisks', 'expectedEffect', 'costAssessment'] as const).map((f) => (
        <TextAreaField key={f} id={f} label={t(`diagnostic.${f}`)} required requiredLabel={required} error={messageOf(f)} {...register(f)} />
      ))}
      <SelectField id="dpiaStatus" label={t('diagnostic.dpiaStatus')} required requiredLabel={required} error={messageOf('dpiaStatus')} {...register('dpiaStatus')}>
        <option value="">{t('diagnostic.choose')}</option>
        {DPIA_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`diagnostic.dpiaStatuses.${s}`)}
          </option>
        ))}
      </SelectField>

      <h2>{t('diagnostic.conclusion')}</h2>
      <TextAreaField id="publicSummary" label={t('diagnostic.publicSummary')} hint={t('diagnostic.publicSummaryHint')} required requiredLabel={required} error={messageOf('publicSummary')} {...register('publicSummary')} />
      <SelectField id="conclusion" label={t('diagnostic.conclusion')} required requiredLabel={required} error={messageOf('conclusion')} {...register('conclusion')}>
        <option value="">{t('diagnostic.choose')}</option>
        {DIAGNOSTIC_CONCLUSIONS.map((c) => (
          <option key={c} value={c}>
            {t(`diagnostic.conclusions.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField id="conditions" label={t('diagnostic.conditions')} hint={t('diagnostic.conditionsHint')} rows={3} error={messageOf('conditions')} {...register('conditions')} />

      <div className="form-actions">
        <button type="submit" className="secondary" disabled={pending} onClick={(event) => send('save', event)}>
          {t('diagnostic.save')}
        </button>
        <button type="submit" disabled={pending} onClick={(event) => send('conclude', event)} aria-describedby="conclude-help">
          {t('diagnostic.conclude')}
        </button>
        <span className="hint" id="conclude-help">
          {t('diagnostic.concludeHelp')}
        </span>
      </div>
    </form>
  );
}
