import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { questionsToModerate } from '@/db/queries/resident-questions';
import { requirePermission } from '@/lib/auth/session';
import { StepForm, type FieldSpec } from '@/app/espace/seances/_components/step-form';
import { approveQuestionAction, rejectQuestionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('residentQuestions.staff.moderateTitle') };
}

const FLASHES = { approved: 'residentQuestions.staff.approved', rejected: 'residentQuestions.staff.rejected' } as const;

/** The secretariat's moderation queue: questions waiting, oldest first, each approved (with its published text) or rejected. */
export default async function ModerateQuestionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('questions.moderate');
  const [query, t, format] = await Promise.all([searchParams, getTranslations(), getFormatter()]);
  const questions = await questionsToModerate(getDb());
  const required = t('common.required');
  const hidden = (q: { id: string; revision: number }): FieldSpec[] => [
    { kind: 'hidden', name: 'questionId', value: q.id },
    { kind: 'hidden', name: 'revision', value: String(q.revision) },
    { kind: 'hidden', name: 'retour', value: '/espace/questions' },
  ];
  return (
    <>
      <h1>{t('residentQuestions.staff.moderateTitle')}</h1>
      <p>{t('residentQuestions.staff.moderateIntro')}</p>
      <FlashAlerts query={query} successes={FLASHES} />
      {questions.length ? (
        <ol className="notices" aria-label={t('residentQuestions.staff.listLabel')}>
          {questions.map((q) => {
            const id = `q-${q.id}`;
            return (
              <li key={q.id} className="card" aria-labelledby={`${id}-title`}>
                <h2 id={`${id}-title`} className="notice-text">
                  {t(`residentQuestions.kinds.${q.kind}`)} – {t('residentQuestions.staff.askedOn', { date: format.dateTime(q.createdAt, 'long') })}
                </h2>
                <p>
                  <Link href={`/espace/propositions/${q.proposal.id}`}>
                    {t('residentQuestions.staff.about', { reference: q.registerReference, file: q.proposal.reference, title: q.proposal.title })}
                  </Link>
                </p>
                <p>{q.askerName ? t('residentQuestions.staff.askerName', { name: q.askerName }) : t('residentQuestions.staff.noName')}</p>
                <p>{q.hasEmail ? t('residentQuestions.staff.emailGiven') : t('residentQuestions.staff.noEmail')}</p>
                <h3>{t('residentQuestions.staff.original')}</h3>
                <blockquote>
                  <p style={{ whiteSpace: 'pre-line' }}>{q.body}</p>
                </blockquote>
                <StepForm
                  action={approveQuestionAction}
                  idPrefix={`${id}-approve`}
                  requiredLabel={required}
                  submit={t('residentQuestions.staff.approve')}
                  fields={[
                    ...hidden(q),
                    { kind: 'textarea', name: 'publishedBody', label: t('residentQuestions.staff.publishedText'), hint: t('residentQuestions.staff.publishedTextHint'), required: true, defaultValue: q.body, rows: 5 },
                  ]}
                />
                <StepForm
                  action={rejectQuestionAction}
                  idPrefix={`${id}-reject`}
                  requiredLabel={required}
                  submit={t('residentQuestions.staff.reject')}
                  danger
                  fields={[...hidden(q), { kind: 'textarea', name: 'reason', label: t('residentQuestions.staff.rejectReason'), required: true, rows: 2 }]}
                />
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t('residentQuestions.staff.moderateEmpty')}</p>
      )}
    </>
  );
}
