import { getFormatter, getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { publicQuestions } from '@/db/queries/resident-questions';
import { formStampForPage } from '@/lib/resident-questions/page-stamp';
import { questionFormLabels } from '../[reference]/question/labels';
import { QuestionForm } from '../[reference]/question/question-form';

/**
 * The residents' questions of a decision, on its public page: the approved ones, in their
 * moderated wording, with the committee's answer; never the asker's name or email, never a
 * pending or rejected question. Then the form to ask one (no account). This page is kept in
 * the page cache for every reader: the form's signed fill-time stamp is a placeholder when the
 * cache renders it, replaced by a fresh stamp in each answer (lib/page-cache.ts). Without
 * JavaScript the form posts to ../[reference]/question, which shows a refusal (with the text
 * typed) or the confirmation: nothing of one resident's post ever lands in a cached page.
 */
export async function ResidentQuestions({ reference }: { reference: string }) {
  const [t, format, questions, stamp] = await Promise.all([getTranslations(), getFormatter(), publicQuestions(publicReadDb(), reference), formStampForPage()]);
  const date = (d: Date) => format.dateTime(d, 'date');
  return (
    <section aria-labelledby="questions" className="resident-questions">
      <h2 id="questions">{t('residentQuestions.public.title')}</h2>
      <p>{t('residentQuestions.public.intro')}</p>
      {questions.length ? (
        <ol className="question-list" aria-label={t('residentQuestions.public.listLabel')}>
          {questions.map((q) => (
            <li key={q.id} className="card">
              <p className="notice-meta">
                <span className="tag">{t(`residentQuestions.kinds.${q.kind}`)}</span> {t('residentQuestions.public.askedOn', { date: date(q.askedAt) })}
              </p>
              <blockquote className="question-text">
                <p style={{ whiteSpace: 'pre-line' }}>{q.text}</p>
              </blockquote>
              {q.answer && q.answeredAt ? (
                <div className="question-answer">
                  <h3>{t('residentQuestions.public.answerTitle')}</h3>
                  <p className="notice-meta">{t('residentQuestions.public.answeredOn', { date: date(q.answeredAt!) })}</p>
                  <p style={{ whiteSpace: 'pre-line' }}>{q.answer}</p>
                </div>
              ) : (
                <p>
                  <em>{t('residentQuestions.public.awaitingAnswer')}</em>
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('residentQuestions.public.empty')}</p>
      )}
      <h3 id="ask-question">{t('residentQuestions.public.askLink')}</h3>
      <p>{t('residentQuestions.ask.lead')}</p>
      <p>
        {t.rich('residentQuestions.public.images', {
          link: (chunks) => <a href="/donnees-personnelles">{chunks}</a>,
        })}
      </p>
      <p>{t('common.requiredFieldsNote')}</p>
      <QuestionForm reference={reference} stamp={stamp} labels={questionFormLabels(t)} />
    </section>
  );
}
