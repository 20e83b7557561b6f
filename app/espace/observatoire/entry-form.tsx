'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary, summaryItems } from '@/app/_components/error-summary';
import { FormAlert, TextField } from '@/app/_components/form-fields';
import { FACT_TYPES, type FactType } from '@/lib/domain/vocabulary';
import { enterFiguresAction, type EntryFormState } from './actions';

interface Props {
  siteId: string;
  siteName: string;
  year: number;
  counts: Partial<Record<FactType, number>>;
}

const idFor = (path: string) => (path.startsWith('counts.') ? `count-${path.slice('counts.'.length)}` : path === 'year' || path === 'siteId' ? 'entry-submit' : path);

/**
 * Every type of one site and year at once (a plain form: works without JavaScript). A
 * number sets the figure, a blank field removes it (no figure recorded).
 */
export function EntryForm({ siteId, siteName, year, counts }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<EntryFormState, FormData>(enterFiguresAction, {});
  const errors = state.fieldErrors ?? {};
  const items = summaryItems(errors, idFor);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary items={items} focusKey={state} />
      {state.message && !state.ok && !items.length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="siteId" value={siteId} />
      <input type="hidden" name="year" value={year} />
      <fieldset>
        <legend>{t('observatory.entry.legend', { site: siteName, year })}</legend>
        <p className="hint">{t('observatory.entry.hint')}</p>
        <div className="field-row">
          {FACT_TYPES.map((type) => (
            <TextField key={type} id={`count-${type}`} label={t(`diagnostic.factTypes.${type}`)} inputMode="numeric" autoComplete="off" defaultValue={state.values?.[type] ?? (counts[type] === undefined ? '' : String(counts[type]))} error={errors[`counts.${type}`]} />
          ))}
        </div>
      </fieldset>
      <button type="submit" id="entry-submit" disabled={pending}>
        {t('observatory.entry.submit')}
      </button>
    </form>
  );
}
