import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTimeline } from '@/app/_components/audit-timeline';
import { TableRegion } from '@/app/_components/table-region';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { markProposalRead } from '@/db/queries/committee-home';
import { publicationsOfProposal } from '@/db/queries/publications';
import { PublicationNotice } from '@/app/espace/registre/_components/publication-notice';
import { ConflictSection } from '@/app/espace/seances/_components/conflict-section';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { allowedCommands } from '@/lib/domain/lifecycle';
import { getFormatter, getTranslations } from 'next-intl/server';
import { draftEditRefusal } from '@/lib/domain/proposal-rules';
import { translateKey, type AppTranslator } from '@/lib/i18n/translate';
import { reviseDiagnosticAction, startDiagnosticAction } from '../actions';
import { loadProposal } from './load';
import { ReviewSections } from './review';
import { ResidentQuestionsSection } from './resident-questions-section';
import { FollowUpSection } from './follow-up/section';
import { ScheduleForm } from './schedule-form';
import { WithdrawForm } from './withdraw-form';
import { CamerasInServiceSection } from './cameras-in-service';
import { LinkedFilesNotice } from './linked-files';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = {
  submitted: 'proposals.submitted',
  withdrawn: 'proposals.withdrawn',
  scheduled: 'proposals.scheduled',
  concluded: 'diagnostic.concluded',
  register_corrected: 'publicRegister.staff.flash.corrected',
} as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, actor] = await Promise.all([params, requirePermission('proposals.read')]);
  const p = await loadProposal(actor, id);
  return { title: `${p.reference} – ${p.proposal.title}` };
}

function StepButton({ action, proposalId, label }: { action: (f: FormData) => Promise<void>; proposalId: string; label: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="proposalId" value={proposalId} />
      <button type="submit">{label}</button>
    </form>
  );
}

const orNotGiven = (t: AppTranslator, v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? t('proposals.notGiven') : String(v));

export default async function ProposalPage({ params, searchParams }: Props) {
  const actor = await requirePermission('proposals.read');
  const [{ id }, query, t, format] = await Promise.all([params, searchParams, getTranslations(), getFormatter()]);
  const file = await loadProposal(actor, id);
  const publications = await publicationsOfProposal(getDb(), file.proposal.id);
  // The committee's staff home lists the agenda's files a member has not opened since they changed.
  if (actor.roles.includes('member')) await markProposalRead(getDb(), actor.id, id);
  const { proposal, site } = file;
  const latest = file.diagnostics[0];
  const isAuthor = proposal.authorId === actor.id;
  const commands = allowedCommands(proposal.state, actor.roles, {
    hasConcludedDiagnostic: file.hasConcludedDiagnostic,
    isAuthor,
  });
  const euros = (n: number | null) => (n === null ? t('proposals.notGiven') : format.number(n, 'euro'));

  return (
    <>
      <p>
        <Link href="/espace/propositions">{t('proposals.backToList')}</Link>
      </p>
      <h1>
        {file.reference} – {proposal.title}
      </h1>
      <p>
        <span className="tag">{t(`states.${proposal.state}`)}</span> {site.name}, {site.address}
      </p>
      <FlashAlerts query={query} successes={FLASHES} />
      <LinkedFilesNotice actor={actor} proposalId={proposal.id} query={query} />

      {publications.length ? (
        <section aria-labelledby="register-title">
          <h2 id="register-title">{t('publicRegister.staff.registerTitle')}</h2>
          {publications.map((p) => (
            <PublicationNotice key={p.decisionId} publication={p} canCorrect={can(actor.roles, 'committee.chair')} />
          ))}
        </section>
      ) : null}

      <FollowUpSection actor={actor} proposalId={proposal.id} query={query} />

      <div className="actions-panel">
        {draftEditRefusal(proposal, actor.id) === null ? (
          <p>
            <Link className="button" href={`/espace/propositions/${proposal.id}/modifier`}>
              {t('proposals.edit')}
            </Link>
          </p>
        ) : null}
        {commands.includes('startDiagnostic') ? (
          <div className="card">
            <p>{t('diagnostic.startHelp')}</p>
            <StepButton action={startDiagnosticAction} proposalId={proposal.id} label={t('diagnostic.start')} />
          </div>
        ) : null}
        {latest ? (
          <p>
            {/* The officer's next step is this link: shown as a button while the diagnostic is theirs to write. */}
            <Link
              href={`/espace/propositions/${proposal.id}/diagnostic`}
              className={latest.state === 'draft' && can(actor.roles, 'diagnostics.conduct') ? 'button' : undefined}
            >
              {t('diagnostic.open')}
            </Link>
          </p>
        ) : null}
        {commands.includes('reviseDiagnostic') ? (
          <div className="card">
            <p>{t('diagnostic.reviseHelp')}</p>
            <StepButton action={reviseDiagnosticAction} proposalId={proposal.id} label={t('diagnostic.revise')} />
          </div>
        ) : null}
        {commands.includes('schedule') ? (
          <div className="card">
            <h2>{t('proposals.scheduleTitle')}</h2>
            <p>{t('proposals.scheduleHelp')}</p>
            <ScheduleForm proposalId={proposal.id} labels={{ confirm: t('proposals.scheduleConfirm'), submit: t('proposals.schedule') }} />
          </div>
        ) : null}
      </div>

      <h2>{t('proposals.summaryTitle')}</h2>
      <dl className="summary">
        <dt>{t('proposals.site')}</dt>
        <dd>
          {site.name}, {site.address} ({site.landlord})
        </dd>
        <dt>{t('proposals.author')}</dt>
        <dd>{file.authorName}</dd>
        <dt>{t('proposals.purposesTitle')}</dt>
        <dd>{proposal.purposes.length ? proposal.purposes.map((p) => translateKey(t, `purposes.${p}`)).join(' ; ') : t('proposals.notGiven')}</dd>
        <dt>{t('proposals.retentionDays')}</dt>
        <dd>{proposal.retentionDays === null ? t('proposals.notGiven') : t('proposals.days', { count: proposal.retentionDays })}</dd>
        {proposal.retentionJustification ? (
          <>
            <dt>{t('proposals.retentionJustification')}</dt>
            <dd>{proposal.retentionJustification}</dd>
          </>
        ) : null}
        <dt>{t('proposals.viewers')}</dt>
        <dd>{orNotGiven(t, proposal.viewers)}</dd>
        <dt>{t('proposals.investmentEuros')}</dt>
        <dd>{euros(proposal.investmentEuros)}</dd>
        <dt>{t('proposals.yearlyCostEuros')}</dt>
        <dd>{euros(proposal.yearlyCostEuros)}</dd>
        <dt>{t('proposals.justification')}</dt>
        <dd>{orNotGiven(t, proposal.justification)}</dd>
        {proposal.withdrawnReason ? (
          <>
            <dt>{t('proposals.withdrawnReason')}</dt>
            <dd>{proposal.withdrawnReason}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('proposals.signageTitle')}</h2>
      <dl className="summary">
        <div>
          <dt>{t('proposals.signage.pictogram')}</dt>
          <dd>{proposal.signage.pictogram ? t('common.yes') : t('common.no')}</dd>
        </div>
        {(['controller', 'telephone', 'purposes', 'retention', 'rights', 'contact', 'complaint'] as const).map((f) => (
          <div key={f}>
            <dt>{t(`proposals.signage.${f}`)}</dt>
            <dd>{orNotGiven(t, proposal.signage[f] ?? '')}</dd>
          </div>
        ))}
      </dl>

      <h2 id="cameras-title">{t('proposals.camerasTitle')}</h2>
      {file.cameras.length ? (
        // Named by the section's heading: a caption would only repeat it.
        <TableRegion labelledBy="cameras-title">
          <table aria-labelledby="cameras-title">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('proposals.regimeColumn')}</th>
                <th scope="col">{t('proposals.cameraType')}</th>
                <th scope="col">{t('proposals.placement')}</th>
                <th scope="col">{t('proposals.direction')}</th>
                <th scope="col">{t('proposals.openingsInView')}</th>
                <th scope="col">{t('proposals.maskingPlanned')}</th>
              </tr>
            </thead>
            <tbody>
              {file.cameras.map((c, i) => (
                <tr key={c.id}>
                  <th scope="row">{t('proposals.camera', { n: i + 1 })}</th>
                  <td>
                    {c.regime ? t(`proposals.regimeShort.${c.regime}`) : t('proposals.notGiven')}
                    {c.zone ? ` – ${t(`proposals.zones.${c.zone}`)}` : ''}
                  </td>
                  <td>{c.type ? t(`proposals.cameraTypes.${c.type}`) : t('proposals.notGiven')}</td>
                  <td>
                    {c.placement ? t(`proposals.placements.${c.placement}`) : t('proposals.notGiven')}
                    {c.filmsPublicRoad ? ` – ${t('proposals.filmsPublicRoad')}` : ''}
                    {c.latitude === null || c.longitude === null ? ` (${t('proposals.notPlaced')})` : ` (${t('proposals.coordinates', { latitude: format.number(c.latitude, 'coordinate'), longitude: format.number(c.longitude, 'coordinate') })})`}
                  </td>
                  <td>
                    {orNotGiven(t, c.directionDegrees)}° / {orNotGiven(t, c.angleDegrees)}°
                  </td>
                  <td>{c.openingsInView.length ? c.openingsInView.map((o) => translateKey(t, `proposals.openings.${o}`)).join(', ') : t('proposals.none')}</td>
                  <td>{c.maskingPlanned ? c.maskingDescription || t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('proposals.noCamera')}</p>
      )}

      <CamerasInServiceSection actor={actor} proposalId={proposal.id} query={query} />

      <ReviewSections proposalId={proposal.id} query={query} />

      {commands.includes('withdraw') ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('proposals.withdrawTitle')}</h2>
          <WithdrawForm
            proposalId={proposal.id}
            labels={{
              reason: t('proposals.withdrawReason'),
              help: t('proposals.withdrawHelp'),
              submit: t('proposals.withdraw'),
              required: t('common.required'),
              confirm: t('proposals.withdrawConfirm'),
            }}
          />
        </section>
      ) : null}

      <ConflictSection actor={actor} proposalId={proposal.id} state={proposal.state} />

      <ResidentQuestionsSection actor={actor} proposalId={proposal.id} query={query} />

      <h2>{t('proposals.timeline')}</h2>
      <AuditTimeline events={file.timeline} empty={t('proposals.timelineEmpty')} />
    </>
  );
}
