import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FormAlert } from '@/app/_components/form-fields';
import { StepForm } from '@/app/espace/seances/_components/step-form';
import { getDb } from '@/db/client';
import { camerasInService, linkedFiles } from '@/db/queries/cameras';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { SearchParams } from '@/lib/flash';
import { proposeChangeAction } from './cameras-actions';

/**
 * The files linked to this one: for a change or a re-review, the earlier file and the
 * decision it follows ("Modification du dossier VIG-0012"); for an authorised file, the
 * files opened from it since, and for a technician the way to propose a change (a new
 * file: an authorised system is never edited in place).
 */
export async function LinkedFilesNotice({ actor, proposalId, query }: { actor: Actor; proposalId: string; query: SearchParams }) {
  const [t, links] = await Promise.all([getTranslations(), linkedFiles(getDb(), actor, proposalId)]);
  const l = 'cameraService.linked';
  const { previous, later, kind } = links;
  const mayPropose = can(actor.roles, 'proposals.draft');
  const service = mayPropose ? await camerasInService(getDb(), proposalId) : null;
  const canPropose = service?.decision && service.decision.latestKind !== 'revocation' ? service.decision : null;
  const opened = query.ok === 'change_opened';
  if (!previous && !later.length && !canPropose && !opened) return null;

  return (
    <>
      {opened ? <FormAlert kind="success">{t('cameraService.service.flash.change_opened')}</FormAlert> : null}
      {previous && kind !== 'initial' ? (
        <div className="notice linked-file">
          <p>
            <span className="tag">{t(`${l}.kinds.${kind}`)}</span>{' '}
            <strong>{t(kind === 're_review' ? `${l}.reReview` : `${l}.change`, { reference: previous.reference })}</strong>
          </p>
          <p>
            <Link href={`/espace/propositions/${previous.id}`}>{t(`${l}.previousFile`, { reference: previous.reference })}</Link>
            {previous.decisionReference ? (
              <>
                {' – '}
                <Link href={`/registre/${previous.decisionReference}`}>{t(`${l}.decision`, { reference: previous.decisionReference })}</Link>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {later.length ? (
        <section aria-labelledby="later-files-title">
          <h2 id="later-files-title">{t(`${l}.laterTitle`)}</h2>
          <ul>
            {later.map((f) => (
              <li key={f.id}>
                <Link href={`/espace/propositions/${f.id}`}>
                  {t(`${l}.later`, { kind: t(`${l}.kinds.${f.kind}`), reference: f.reference, title: f.title, state: t(`states.${f.state}`) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canPropose ? (
        <div className="card">
          <h2>{t(`${l}.proposeTitle`)}</h2>
          <p>{t(`${l}.proposeHelp`)}</p>
          <StepForm
            action={proposeChangeAction}
            idPrefix="propose-change"
            fields={[{ kind: 'hidden', name: 'decisionId', value: canPropose.id }]}
            submit={t(`${l}.propose`)}
            requiredLabel={t('common.required')}
          />
        </div>
      ) : null}
    </>
  );
}
