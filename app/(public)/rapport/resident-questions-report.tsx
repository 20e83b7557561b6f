import { getFormatter, getTranslations } from 'next-intl/server';
import { publicReadDb } from '@/db/client';
import { questionYear } from '@/db/queries/resident-questions';

/** The annual report's section on residents' questions: counts only, never a text or a name. */
export async function ResidentQuestionsReport({ year }: { year: number }) {
  const [t, format, counts] = await Promise.all([getTranslations(), getFormatter(), questionYear(publicReadDb(), year)]);
  const n = (v: number) => format.number(v);
  return (
    <section aria-labelledby="questions-habitants">
      <h2 id="questions-habitants">{t('residentQuestions.report.title')}</h2>
      <p>{t('residentQuestions.report.intro', { year })}</p>
      {counts.asked ? (
        <dl className="summary report-questions">
          <dt>{t('residentQuestions.report.asked')}</dt>
          <dd>{n(counts.asked)}</dd>
          <dt>{t('residentQuestions.report.approved')}</dt>
          <dd>{n(counts.approved)}</dd>
          <dt>{t('residentQuestions.report.rejected')}</dt>
          <dd>{n(counts.rejected)}</dd>
          <dt>{t('residentQuestions.report.pending')}</dt>
          <dd>{n(counts.pending)}</dd>
          <dt>{t('residentQuestions.report.answered')}</dt>
          <dd>{n(counts.answered)}</dd>
          <dt>{t('residentQuestions.report.median')}</dt>
          <dd>{counts.medianDaysToAnswer === null ? t('residentQuestions.report.noMedian') : t('residentQuestions.report.medianValue', { days: counts.medianDaysToAnswer })}</dd>
        </dl>
      ) : (
        <p>{t('residentQuestions.report.none', { year })}</p>
      )}
    </section>
  );
}
