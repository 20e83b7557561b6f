import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { questionsToModerate } from '@/db/queries/resident-questions';
import { requirePermission } from '@/lib/auth/session';
import { QUESTION_BODY_MAX, QUESTION_REASON_MAX } from '@/lib/validation/questions';
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
                <form action={approveQuestionAction}>
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="revision" value={q.revision} />
                  <input type="hidden" name="retour" value="/espace/questions" />
                  <div className="field">
                    <label htmlFor={`${id}-published`}>{t('residentQuestions.staff.publishedText')}</label>
                    <span className="hint" id={`${id}-published-hint`}>
                      {t('residentQuestions.staff.publishedTextHint')}
                    </span>
                    <textarea id={`${id}-published`} name="publishedBody" rows={5} required maxLength={QUESTION_BODY_MAX} defaultValue={q.body} aria-describedby={`${id}-published-hint`} />
                  </div>
                  <button type="submit">{t('residentQuestions.staff.approve')}</button>
                </form>
                <form action={rejectQuestionAction}>
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="revision" value={q.revision} />
                  <input type="hidden" name="retour" value="/espace/questions" />
                  <div className="field">
                    <label htmlFor={`${id}-reason`}>{t('residentQuestions.staff.rejectReason')}</label>
                    <textarea id={`${id}-reason`} name="reason" rows={2} required maxLength={QUESTION_REASON_MAX} />
                  </div>
                  <button type="submit" className="danger">
                    {t('residentQuestions.staff.reject')}
                  </button>
                </form>
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
