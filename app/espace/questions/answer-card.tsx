import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { StaffQuestion } from '@/db/queries/resident-questions';
import type { Actor } from '@/lib/auth/actor';
import { StepForm } from '@/app/espace/seances/_components/step-form';
import { answerQuestionAction, assignQuestionAction } from './actions';

/**
 * One approved question waiting for its answer, with the answer form (the chair, or the
 * member designated) and, for the chair, the designation form. Shown on the answers page
 * and on the file page; `retour` is where the forms come back to.
 */
export async function AnswerCard({
  question: q,
  actor,
  members,
  retour,
  headingLevel = 2,
}: {
  question: StaffQuestion;
  actor: Pick<Actor, 'id' | 'roles'>;
  members: { id: string; name: string }[];
  retour: string;
  headingLevel?: 2 | 3;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const id = `q-${q.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isChair = actor.roles.includes('chair');
  const mayAnswer = isChair || q.assignedTo?.id === actor.id;
  return (
    <li className="card" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="notice-text">
        {t(`residentQuestions.kinds.${q.kind}`)} – {t('residentQuestions.staff.askedOn', { date: format.dateTime(q.createdAt, 'long') })}
      </Heading>
      <p>
        <Link href={`/espace/propositions/${q.proposal.id}`}>
          {t('residentQuestions.staff.about', { reference: q.registerReference, file: q.proposal.reference, title: q.proposal.title })}
        </Link>
      </p>
      <blockquote>
        <p style={{ whiteSpace: 'pre-line' }}>{q.publishedBody}</p>
      </blockquote>
      <p>{q.assignedTo ? t('residentQuestions.staff.assignedTo', { name: q.assignedTo.name }) : t('residentQuestions.staff.notAssigned')}</p>
      {isChair ? (
        <form action={assignQuestionAction}>
          <input type="hidden" name="questionId" value={q.id} />
          <input type="hidden" name="retour" value={retour} />
          <div className="field">
            <label htmlFor={`${id}-member`}>{t('residentQuestions.staff.assignLabel')}</label>
            <select id={`${id}-member`} name="memberId" defaultValue={q.assignedTo?.id ?? ''}>
              <option value="">{t('residentQuestions.staff.assignNobody')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('residentQuestions.staff.assign')}
          </button>
        </form>
      ) : null}
      {mayAnswer ? (
        <StepForm
          action={answerQuestionAction}
          idPrefix={`${id}-answer`}
          requiredLabel={t('common.required')}
          submit={t('residentQuestions.staff.sendAnswer')}
          fields={[
            { kind: 'hidden', name: 'questionId', value: q.id },
            { kind: 'hidden', name: 'retour', value: retour },
            { kind: 'textarea', name: 'answer', label: t('residentQuestions.staff.answer'), hint: t('residentQuestions.staff.answerHint'), required: true, rows: 5 },
          ]}
        />
      ) : null}
    </li>
  );
}
