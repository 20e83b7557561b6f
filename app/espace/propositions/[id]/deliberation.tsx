import { getFormatter, getTranslations } from 'next-intl/server';
import { FormAlert } from '@/app/_components/form-fields';
import { getDb } from '@/db/client';
import { deliberationFor } from '@/db/queries/review';
import { requireUser } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/flash';
import { postDeliberationAction } from './review-actions';
import { ReviewTextForm } from './review-forms';

/**
 * "Délibération du comité (interne)": the members' internal exchanges on the file. It
 * loads its own data through a read model that returns nothing to anyone outside the
 * committee (the author, the prevention officer, the admin), so this section renders
 * nothing for them. Never public.
 */
export async function Deliberation({ proposalId, query }: { proposalId: string; query: SearchParams }) {
  const actor = await requireUser();
  const deliberation = await deliberationFor(getDb(), actor, proposalId);
  if (!deliberation) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section aria-labelledby="deliberation" className="card">
      <h2 id="deliberation" tabIndex={-1}>
        {t('committee.deliberation.title')}
      </h2>
      <p>{t('committee.deliberation.intro')}</p>
      {query.ok === 'deliberation_posted' ? <FormAlert kind="success">{t('committee.deliberation.posted')}</FormAlert> : null}
      {deliberation.recusal ? (
        <p>{t('committee.deliberation.recused', { reason: deliberation.recusal })}</p>
      ) : (
        <>
          {deliberation.messages.length ? (
            <ol className="timeline" aria-label={t('committee.deliberation.listLabel')}>
              {deliberation.messages.map((m) => (
                <li key={m.id}>
                  <time dateTime={m.createdAt.toISOString()}>{t('committee.deliberation.postedBy', { name: m.authorName, date: format.dateTime(m.createdAt, 'long') })}</time>
                  <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{m.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('committee.deliberation.empty')}</p>
          )}
          {deliberation.canPost ? (
            <ReviewTextForm
              action={postDeliberationAction}
              field="body"
              idPrefix="deliberation"
              hidden={{ proposalId }}
              labels={{
                label: t('committee.deliberation.body'),
                hint: t('committee.deliberation.bodyHint'),
                submit: t('committee.deliberation.submit'),
                required: t('common.required'),
              }}
            />
          ) : (
            <p>{t('committee.deliberation.closed')}</p>
          )}
        </>
      )}
    </section>
  );
}
