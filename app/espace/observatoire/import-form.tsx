'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { FormAlert } from '@/app/_components/form-fields';
import { importFiguresAction, type ImportFormState } from './actions';

const FILE_ID = 'observatory-file';

/**
 * The CSV import: a plain form with a file field, posted to the server action (it works
 * without JavaScript). A refused file comes back with its report: every wrong row named
 * in the error summary, each linking to the file field, and nothing imported.
 */
export function ImportForm() {
  const t = useTranslations('observatory.import');
  const [state, formAction, pending] = useActionState<ImportFormState, FormData>(importFiguresAction, {});
  const problems = Object.entries(state.fieldErrors ?? {});
  const items = problems.map(([, message]) => ({ id: FILE_ID, message }));
  const first = problems[0]?.[1];
  return (
    <form action={formAction} encType="multipart/form-data" noValidate>
      <ErrorSummary items={items} focusKey={state} />
      {state.message && !state.ok && !items.length ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {items.length && state.fileName ? <p className="error-text">{t('refused', { file: state.fileName })}</p> : null}
      <div className="field">
        <label htmlFor={FILE_ID}>{t('file')}</label>
        <span className="hint" id={`${FILE_ID}-hint`}>
          {t('fileHint')}
        </span>
        {first ? (
          <span className="error-text" id={`${FILE_ID}-error`}>
            {first}
          </span>
        ) : null}
        <input
          type="file"
          id={FILE_ID}
          name="file"
          accept=".csv,text/csv"
          aria-invalid={first ? true : undefined}
          aria-describedby={first ? `${FILE_ID}-hint ${FILE_ID}-error` : `${FILE_ID}-hint`}
        />
      </div>
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
