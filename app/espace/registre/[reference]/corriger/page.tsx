import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { entryToCorrect } from '@/db/queries/publications';
import { requirePermission } from '@/lib/auth/session';
import { isRegisterReference } from '@/lib/domain/register';
import { correctRegisterEntryAction } from '@/app/espace/seances/actions';
import { StepForm } from '@/app/espace/seances/_components/step-form';

type Props = { params: Promise<{ reference: string }> };

// Once per request: generateMetadata and the page share it (React's cache).
const load = cache(async (reference: string) => {
  await requirePermission('committee.chair');
  if (!isRegisterReference(reference)) notFound();
  const found = await entryToCorrect(getDb(), reference);
  if (!found) notFound();
  return found;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { entry } = await load((await params).reference);
  const t = await getTranslations();
  return { title: t('publicRegister.staff.correction.title', { reference: entry.reference }) };
}

/**
 * The chair corrects or revokes a published entry: a new entry, never an edit. The
 * corrected wording starts from the current one; the note says what changes and why.
 * Only the latest version of a decision can be corrected, and a revocation is final:
 * the page says so and points to the one to correct instead.
 */
export default async function CorrectEntryPage({ params }: Props) {
  const [{ reference }, t] = await Promise.all([params, getTranslations()]);
  const { entry, proposal, correctedBy } = await load(reference);
  const c = 'publicRegister.staff.correction';
  const fileUrl = `/espace/propositions/${proposal.id}`;
  return (
    <>
      <p>
        <Link href={fileUrl}>{t(`${c}.backToFile`, { reference: proposal.reference })}</Link>
      </p>
      <h1>{t(`${c}.title`, { reference: entry.reference })}</h1>
      <p>{t(`${c}.intro`, { reference: entry.reference })}</p>
      <p>
        <Link href={`/registre/${entry.reference}`}>{t(`${c}.viewPublic`)}</Link>
      </p>

      {correctedBy ? (
        <div className="notice">
          <p>{t(`${c}.alreadyCorrected`, { reference: correctedBy })}</p>
          <p>
            <Link href={`/espace/registre/${correctedBy}/corriger`}>{t(`${c}.correctLatest`, { reference: correctedBy })}</Link>
          </p>
        </div>
      ) : entry.kind === 'revocation' ? (
        <p className="notice">{t(`${c}.revoked`)}</p>
      ) : (
        <StepForm
          action={correctRegisterEntryAction}
          idPrefix="correct"
          requiredLabel={t('common.required')}
          submit={t(`${c}.submit`)}
          fields={[
            { kind: 'hidden', name: 'reference', value: entry.reference },
            { kind: 'hidden', name: 'back', value: fileUrl },
            {
              kind: 'radios',
              name: 'kind',
              legend: t(`${c}.kind`),
              defaultValue: 'correction',
              options: (['correction', 'revocation'] as const).map((k) => ({ value: k, label: t(`${c}.kinds.${k}`) })),
            },
            { kind: 'textarea', name: 'note', label: t(`${c}.note`), hint: t(`${c}.noteHint`), required: true, rows: 3 },
            { kind: 'textarea', name: 'reasons', label: t(`${c}.reasons`), hint: t(`${c}.correctionOnly`), defaultValue: entry.reasons, rows: 6 },
            { kind: 'textarea', name: 'publicSummary', label: t(`${c}.publicSummary`), hint: t(`${c}.correctionOnly`), defaultValue: entry.publicSummary, rows: 4 },
            { kind: 'confirm', label: t(`${c}.confirm`) },
          ]}
        />
      )}
    </>
  );
}
