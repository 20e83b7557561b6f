import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { publicQuestions } from '@/db/queries/resident-questions';

/**
 * The residents' questions of a decision, on its public page: the approved ones, in their
 * moderated wording, with the committee's answer; never the asker's name or email, never a
 * pending or rejected question. The form itself is a page of its own (see
 * ./[reference]/question/page.tsx): this page is cached for every reader.
 */
export async function ResidentQuestions({ reference }: { reference: string }) {
  const [t, format, questions] = await Promise.all([getTranslations(), getFormatter(), publicQuestions(getDb(), reference)]);
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
      <p>
        <Link href={`/registre/${reference}/question`} className="button">
          {t('residentQuestions.public.askLink')}
        </Link>
      </p>
      <p>
        {t.rich('residentQuestions.public.images', {
          link: (chunks) => <a href="/donnees-personnelles">{chunks}</a>,
        })}
      </p>
    </section>
  );
}
