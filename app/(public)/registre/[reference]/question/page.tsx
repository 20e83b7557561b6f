import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { registerEntry } from '@/db/queries/register';
import { isRegisterReference } from '@/lib/domain/register';
import { signFormStamp } from '@/lib/resident-questions/anti-spam';
import { questionFormLabels } from './labels';
import { QuestionForm } from './question-form';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Once per request: generateMetadata and the page share it (React's cache).
const load = cache(async (reference: string) => {
  if (!isRegisterReference(reference)) notFound();
  const found = await registerEntry(publicReadDb(), reference);
  if (!found) notFound();
  return found;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  await load(reference);
  const t = await getTranslations();
  return { title: t('residentQuestions.ask.metaTitle', { reference }) };
}

/**
 * The residents' question form of one decision, on a page of its own. The decision page
 * carries the same form, and without JavaScript its posts land here (the form's permalink):
 * a refusal shows its messages with what this resident typed, a success the confirmation.
 * Neither may be cached for others; this address is not cached (lib/page-cache.ts caches
 * /registre/<reference> only), so the stamp is signed as the page is drawn.
 */
export default async function AskQuestionPage({ params, searchParams }: Props) {
  const [{ reference }, query, t] = await Promise.all([params, searchParams, getTranslations()]);
  const { correctedBy } = await load(reference);
  const sent = query.envoyee === '1';
  return (
    <>
      <p>
        <Link href={`/registre/${reference}`}>{t('residentQuestions.ask.back', { reference })}</Link>
      </p>
      <h1>{t('residentQuestions.ask.title', { reference })}</h1>
      {sent ? (
        <>
          <div className="alert success" role="status">
            <p>
              <strong>{t('residentQuestions.ask.sentTitle')}</strong>
            </p>
            <p>{t('residentQuestions.ask.sent')}</p>
          </div>
          <p>
            <Link href={`/registre/${reference}/question`}>{t('residentQuestions.ask.askAnother')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('residentQuestions.ask.lead')}</p>
          {correctedBy ? <p className="notice">{t('residentQuestions.ask.revoked')}</p> : null}
          <p>
            {t.rich('residentQuestions.public.images', {
              link: (chunks) => <a href="/donnees-personnelles">{chunks}</a>,
            })}
          </p>
          <p>{t('common.requiredFieldsNote')}</p>
          <QuestionForm
            reference={reference}
            stamp={signFormStamp()}
            labels={questionFormLabels(t)}
          />
        </>
      )}
    </>
  );
}
