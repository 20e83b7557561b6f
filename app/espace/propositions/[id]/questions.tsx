import { getFormatter, getTranslations } from 'next-intl/server';
import { FormAlert } from '@/app/_components/form-fields';
import { getDb } from '@/db/client';
import { infoRequestsFor } from '@/db/queries/review';
import { requireUser } from '@/lib/auth/session';
import { allowedCommands } from '@/lib/domain/lifecycle';
import type { ProposalState } from '@/lib/domain/vocabulary';
import type { SearchParams } from '@/lib/flash';
import { answerInfoAction, requestInfoAction } from './review-actions';
import { ReviewTextForm } from './review-forms';

/** From review on, the section is shown even before any question: readers learn the committee may ask. */
const REVIEW_STATES: readonly ProposalState[] = ['under_review', 'info_requested', 'voting', 'decided', 'published'];

/**
 * "Questions du comité et réponses": kept in the file for everyone who may see it (the
 * author, the committee, the prevention officer, the admin). The chair's form to ask
 * while the file is under review; the author's form to answer while a question waits.
 */
export async function InfoRequests({ proposalId, query }: { proposalId: string; query: SearchParams }) {
  const actor = await requireUser();
  const data = await infoRequestsFor(getDb(), actor, proposalId);
  if (!data) return null;
  // Under review, the diagnostic passed the gate; the lifecycle says who may ask or answer now.
  const commands = allowedCommands(data.state, actor.roles, { hasConcludedDiagnostic: true, isAuthor: data.authorId === actor.id });
  const open = data.requests.findLast((r) => r.answer === null);
  const canAsk = commands.includes('requestInfo');
  const canAnswer = commands.includes('answerInfo') && open !== undefined;
  if (!data.requests.length && !canAsk && !REVIEW_STATES.includes(data.state)) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, 'long');
  const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
  return (
    <section aria-labelledby="questions" className="card">
      <h2 id="questions" tabIndex={-1}>
        {t('committee.questions.title')}
      </h2>
      <p>{t('committee.questions.intro')}</p>
      {query.ok === 'info_requested' ? <FormAlert kind="success">{t('committee.questions.asked')}</FormAlert> : null}
      {query.ok === 'info_answered' ? <FormAlert kind="success">{t('committee.questions.answered')}</FormAlert> : null}
      {data.requests.length ? (
        <ol className="timeline">
          {data.requests.map((r) => (
            <li key={r.id}>
              <dl>
                <dt>
                  {t('committee.questions.question')} <span className="hint">({t('committee.questions.askedBy', { name: r.askedByName, date: when(r.askedAt) })})</span>
                </dt>
                <dd style={text}>{r.question}</dd>
                <dt>
                  {t('committee.questions.answer')}
                  {r.answeredAt && r.answeredByName ? <span className="hint"> ({t('committee.questions.answeredBy', { name: r.answeredByName, date: when(r.answeredAt) })})</span> : null}
                </dt>
                <dd style={text}>{r.answer ?? <span className="tag">{t('committee.questions.awaiting')}</span>}</dd>
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('committee.questions.empty')}</p>
      )}
      {canAsk ? (
        <>
          <h3>{t('committee.questions.askTitle')}</h3>
          <p>{t('committee.questions.askHelp')}</p>
          <ReviewTextForm
            action={requestInfoAction}
            field="question"
            idPrefix="ask"
            hidden={{ proposalId }}
            labels={{ label: t('committee.questions.questionLabel'), hint: t('committee.questions.textHint'), submit: t('committee.questions.ask'), required: t('common.required') }}
          />
        </>
      ) : null}
      {canAnswer ? (
        <>
          <h3>{t('committee.questions.answerTitle')}</h3>
          <p>{t('committee.questions.answerHelp')}</p>
          <ReviewTextForm
            action={answerInfoAction}
            field="answer"
            idPrefix="answer"
            hidden={{ proposalId, requestId: open.id }}
            labels={{ label: t('committee.questions.answerLabel'), hint: t('committee.questions.textHint'), submit: t('committee.questions.send'), required: t('common.required') }}
          />
        </>
      ) : null}
    </section>
  );
}
