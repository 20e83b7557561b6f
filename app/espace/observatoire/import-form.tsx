'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { FormAlert } from '@/app/_components/form-fields';
import { MAX_CSV_BYTES } from '@/lib/domain/observatory-limits';
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
  // With JavaScript, a file over the limit is stopped here: posted, the proxy would answer 413 (1 MB) and the page would be lost.
  const [tooBig, setTooBig] = useState<{ message: string; at: number } | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_CSV_BYTES) {
      event.preventDefault();
      setTooBig({ message: t('tooBig'), at: Date.now() });
    } else setTooBig(null);
  };
  const problems = tooBig ? [['file', tooBig.message] as const] : Object.entries(state.fieldErrors ?? {});
  const items = problems.map(([, message]) => ({ id: FILE_ID, message }));
  const first = problems[0]?.[1];
  return (
    <form action={formAction} encType="multipart/form-data" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={items} focusKey={tooBig ?? state} />
      {state.message && !state.ok && !items.length && !tooBig ? <FormAlert kind="error">{state.message}</FormAlert> : null}
      {items.length > 0 && state.fileName && !tooBig ? <p className="error-text">{t('refused', { file: state.fileName })}</p> : null}
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
