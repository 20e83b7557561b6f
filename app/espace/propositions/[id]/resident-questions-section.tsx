import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AnswerCard } from '@/app/espace/questions/answer-card';
import { FormAlert } from '@/app/_components/form-fields';
import { getDb } from '@/db/client';
import { designatableMembers, fileQuestions, filePendingCount } from '@/db/queries/resident-questions';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';

const SUCCESSES = { answered: 'residentQuestions.staff.answered', assigned: 'residentQuestions.staff.assigned' } as const;

/**
 * The residents' questions about this file's decision, on the file page: the approved ones
 * with their answers, the answer form for whoever may answer (the chair, or the member
 * designated), and how many wait for moderation (not their text: that is the
 * secretariat's). Nothing at all when the file has no question.
 */
export async function ResidentQuestionsSection({ actor, proposalId, query }: { actor: Actor; proposalId: string; query: Record<string, string | string[] | undefined> }) {
  const db = getDb();
  const [questions, pending] = await Promise.all([fileQuestions(db, proposalId), filePendingCount(db, proposalId)]);
  if (!questions.length && !pending) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const isChair = actor.roles.includes('chair');
  const members = isChair ? await designatableMembers(db) : [];
  const ok = typeof query.ok === 'string' && Object.hasOwn(SUCCESSES, query.ok) ? SUCCESSES[query.ok as keyof typeof SUCCESSES] : null;
  const retour = `/espace/propositions/${proposalId}`;
  const answerable = (q: (typeof questions)[number]) => !q.answer && can(actor.roles, 'questions.answer') && (isChair || q.assignedTo?.id === actor.id);
  return (
    <section aria-labelledby="resident-questions-title">
      <h2 id="resident-questions-title">{t('residentQuestions.staff.fileTitle')}</h2>
      {ok ? <FormAlert kind="success">{t(ok)}</FormAlert> : null}
      {pending ? (
        <p>
          {t('residentQuestions.staff.filePending', { count: pending })}
          {can(actor.roles, 'questions.moderate') ? (
            <>
              {' '}
              <Link href="/espace/questions">{t('residentQuestions.staff.navModerate')}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {questions.length ? (
        <ol className="notices">
          {questions.map((q) =>
            answerable(q) ? (
              <AnswerCard key={q.id} question={q} actor={actor} members={members} retour={retour} headingLevel={3} />
            ) : (
              <li key={q.id} className="card">
                <h3 className="notice-text">
                  {t(`residentQuestions.kinds.${q.kind}`)} – {t('residentQuestions.staff.askedOn', { date: format.dateTime(q.createdAt, 'long') })}
                </h3>
                <blockquote>
                  <p style={{ whiteSpace: 'pre-line' }}>{q.publishedBody}</p>
                </blockquote>
                <p style={{ whiteSpace: 'pre-line' }}>{q.answer ? t('residentQuestions.staff.fileAnswered', { answer: q.answer }) : t('residentQuestions.staff.fileAwaiting')}</p>
              </li>
            ),
          )}
        </ol>
      ) : (
        <p>{t('residentQuestions.staff.fileEmpty')}</p>
      )}
    </section>
  );
}
