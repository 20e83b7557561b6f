'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { fileSizeInWords } from '@/app/_components/file-size';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MEGABYTES } from '@/lib/domain/documents';
import { attachDpiaDocumentAction, type DpiaUploadState } from './dpia-actions';

/** The upload's own form: rendered after the diagnostic form (forms do not nest), its controls placed inside it with `form=`. */
const UPLOAD_FORM = 'dpia-upload';
/** The file input: where the error summary's "attach the assessment" link leads. */
export const DPIA_DOCUMENT_FIELD = 'dpiaDocument';

export interface DpiaDocumentSummary {
  id: string;
  fileName: string;
  byteSize: number;
  createdAt: Date;
}

/**
 * The impact assessment's upload (issue 18 §3): a multipart form posted to its server
 * action, so it works without JavaScript. With JavaScript, a file over the limit is stopped
 * here with the same message the server gives, instead of being sent for nothing.
 */
export function useDpiaUpload() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<DpiaUploadState, FormData>(attachDpiaDocumentAction, {});
  const [tooBig, setTooBig] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = (event.currentTarget.elements.namedItem('document') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_DOCUMENT_BYTES) {
      event.preventDefault();
      setTooBig(t('validation.file_too_big', { max: MAX_DOCUMENT_MEGABYTES }));
    } else setTooBig(null);
  };
  const error = tooBig ?? state.fieldErrors?.document ?? state.fieldErrors?._form ?? (state.ok === false ? state.message : undefined);
  return { action, pending, onSubmit, error, attempt: state.attempt };
}

export type DpiaUpload = ReturnType<typeof useDpiaUpload>;

/** The form itself: only the diagnostic's id; the file and the button sit in the diagnostic form's DPIA part. */
export function DpiaUploadForm({ diagnosticId, upload }: { diagnosticId: string; upload: DpiaUpload }) {
  return (
    // React posts a function action as multipart/form-data itself (with or without JavaScript): no encType here.
    <form id={UPLOAD_FORM} action={upload.action} noValidate onSubmit={upload.onSubmit}>
      <input type="hidden" name="diagnosticId" value={diagnosticId} />
    </form>
  );
}

/**
 * The file field, the document already attached (with its download link, through the
 * access-checked route, never a path), and the button that sends the upload form.
 * `conclusionError`: the diagnostic form's own message on this field ("attach it before
 * concluding").
 */
export function DpiaDocumentField({ document, upload, conclusionError, requiredLabel }: { document: DpiaDocumentSummary | null; upload: DpiaUpload; conclusionError?: string; requiredLabel: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const error = upload.error ?? conclusionError;
  const id = DPIA_DOCUMENT_FIELD;
  const button = document ? t('diagnostic.dpia.replace') : t('diagnostic.dpia.attach');
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('diagnostic.dpia.document')} <abbr title={requiredLabel}>*</abbr>
      </label>
      <span className="hint" id={`${id}-hint`}>
        {t('diagnostic.dpia.documentHint', { max: MAX_DOCUMENT_MEGABYTES, button })}
      </span>
      <p id={`${id}-current`}>
        {document ? (
          <>
            {t('diagnostic.dpia.attached', { name: document.fileName, size: fileSizeInWords(format, document.byteSize), date: format.dateTime(document.createdAt, 'long') })}{' '}
            <a href={`/espace/fichiers/${document.id}`}>{t('diagnostic.dpia.download', { name: document.fileName })}</a>
          </>
        ) : (
          t('diagnostic.dpia.noDocument')
        )}
      </p>
      {error ? (
        <span className="error-text" id={`${id}-error`} role={upload.error ? 'alert' : undefined}>
          {error}
        </span>
      ) : null}
      {/* A refused attempt gives a new input: the refused file is not sent again by mistake. */}
      <input
        key={upload.attempt ?? 0}
        type="file"
        id={id}
        name="document"
        form={UPLOAD_FORM}
        accept="application/pdf,.pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, `${id}-current`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
      />
      <p>
        <button type="submit" form={UPLOAD_FORM} className="secondary" disabled={upload.pending}>
          {button}
        </button>
      </p>
    </div>
  );
}
