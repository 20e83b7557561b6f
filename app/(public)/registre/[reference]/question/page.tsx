import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { registerEntry } from '@/db/queries/register';
import { isRegisterReference } from '@/lib/domain/register';
import { signFormStamp } from '@/lib/resident-questions/anti-spam';
import { QuestionForm } from './question-form';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(reference: string) {
  if (!isRegisterReference(reference)) notFound();
  const found = await registerEntry(getDb(), reference);
  if (!found) notFound();
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  await load(reference);
  const t = await getTranslations();
  return { title: t('residentQuestions.ask.metaTitle', { reference }) };
}

/**
 * The residents' question form of one decision. A page of its own, not part of the
 * decision page: the decision page is kept in the page cache for every reader, while
 * this form carries a timestamp signed when it is drawn (the minimum time to fill) and,
 * after a refusal, what this resident typed; neither may be cached for others. This
 * address is not cached (lib/page-cache.ts caches /registre/<reference> only).
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
            labels={{
              kind: t('residentQuestions.ask.kind'),
              kindQuestion: t('residentQuestions.ask.kindQuestion'),
              kindConcern: t('residentQuestions.ask.kindConcern'),
              name: t('residentQuestions.ask.name'),
              nameHint: t('residentQuestions.ask.nameHint'),
              email: t('residentQuestions.ask.email'),
              emailHint: t('residentQuestions.ask.emailHint'),
              body: t('residentQuestions.ask.body'),
              bodyHint: t('residentQuestions.ask.bodyHint'),
              honeypot: t('residentQuestions.ask.honeypot'),
              submit: t('residentQuestions.ask.submit'),
              required: t('common.required'),
              summaryTitle: t('errors.invalid'),
            }}
          />
        </>
      )}
    </>
  );
}
