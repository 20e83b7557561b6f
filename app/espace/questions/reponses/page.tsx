import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { designatableMembers, questionsToAnswer } from '@/db/queries/resident-questions';
import { requirePermission } from '@/lib/auth/session';
import { AnswerCard } from '../answer-card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('residentQuestions.staff.answerTitle') };
}

const FLASHES = { assigned: 'residentQuestions.staff.assigned', answered: 'residentQuestions.staff.answered' } as const;

/** Approved questions waiting for an answer: all of them for the chair, the ones designated to them for a member. */
export default async function AnswerQuestionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('questions.answer');
  const [query, t] = await Promise.all([searchParams, getTranslations()]);
  const db = getDb();
  const isChair = actor.roles.includes('chair');
  const [questions, members] = await Promise.all([questionsToAnswer(db, actor), isChair ? designatableMembers(db) : Promise.resolve([])]);
  return (
    <>
      <h1>{t('residentQuestions.staff.answerTitle')}</h1>
      <p>{isChair ? t('residentQuestions.staff.answerIntroChair') : t('residentQuestions.staff.answerIntroMember')}</p>
      <FlashAlerts query={query} successes={FLASHES} />
      {questions.length ? (
        <ol className="notices" aria-label={t('residentQuestions.staff.listLabel')}>
          {questions.map((q) => (
            <AnswerCard key={q.id} question={q} actor={actor} members={members} retour="/espace/questions/reponses" />
          ))}
        </ol>
      ) : (
        <p>{t('residentQuestions.staff.answerEmpty')}</p>
      )}
    </>
  );
}
