import { getFormatter, getTranslations } from 'next-intl/server';
import { EvaluationTable } from '@/app/espace/observatoire/_components/evaluation-table';
import { fillFactsAction } from './observatory-actions';
import { getDb } from '@/db/client';
import { siteEvaluations } from '@/db/queries/observatory';
import { siteFactsForDiagnostic } from '@/lib/workflow/observatory-facts';

/**
 * The observatory beside a draft diagnostic (issue 10, items 4 and 5): a plain button that
 * takes the site's figures as the diagnostic's facts (no JavaScript needed), and, for a
 * re-review, the site's evaluation before and after its cameras, which the diagnostic's
 * comparison field must discuss.
 */
export async function DiagnosticObservatoryPanel({ proposalId, siteId, kind, diagnostic }: { proposalId: string; siteId: string; kind: string; diagnostic: { id: string; revision: number } | null }) {
  const db = getDb();
  const [t, format, facts, evaluations] = await Promise.all([getTranslations('observatory.diagnostic'), getFormatter(), siteFactsForDiagnostic(db, siteId), kind === 're_review' ? siteEvaluations(db, siteId) : Promise.resolve([])]);
  const years = [...new Set(facts.map((f) => f.year!))].sort();
  return (
    <>
      {diagnostic ? (
        <section aria-labelledby="observatory-fill" className="card">
          <h2 id="observatory-fill">{t('fillTitle')}</h2>
          {facts.length ? (
            <form action={fillFactsAction}>
              <p>{t('available', { years: format.list(years.map(String)) })}</p>
              <p className="hint" id="observatory-fill-hint">
                {t('fillHint')}
              </p>
              <input type="hidden" name="proposalId" value={proposalId} />
              <input type="hidden" name="diagnosticId" value={diagnostic.id} />
              <input type="hidden" name="revision" value={diagnostic.revision} />
              <button type="submit" className="secondary" aria-describedby="observatory-fill-hint">
                {t('fill')}
              </button>
            </form>
          ) : (
            <p>{t('none')}</p>
          )}
        </section>
      ) : null}
      {kind === 're_review' ? (
        <section aria-labelledby="observatory-evaluation">
          <h2 id="observatory-evaluation">{t('evaluationTitle')}</h2>
          {evaluations.length ? (
            <>
              <p>{t('evaluationIntro')}</p>
              {evaluations.map((e) => (
                <EvaluationTable key={e.siteId} evaluation={e} />
              ))}
            </>
          ) : (
            <p>{t('noEvaluation')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
