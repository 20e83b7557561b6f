import type { Metadata } from 'next';
import Link from 'next/link';
import { EMPTY_SIGNAGE } from '@/lib/validation/proposals';
import { redirect } from 'next/navigation';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { activeSites } from '@/db/queries/sites';
import { requirePermission } from '@/lib/auth/session';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { draftEditRefusal } from '@/lib/domain/proposal-rules';
import type { Locale } from '@/lib/i18n/config';
import type { ProposalFormInput } from '@/lib/validation/proposals';
import { loadProposal } from '../load';
import { ProposalForm } from './proposal-form';
import { LinkedFilesNotice } from '../linked-files';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, requirePermission('proposals.draft'), getTranslations()]);
  const p = await loadProposal(actor, id);
  return { title: t('proposals.editTitle', { reference: p.reference }) };
}

/** Numbers as the form shows them: '' when not given, a decimal comma in French. */
function shown(value: number | null, locale: Locale): string {
  if (value === null) return '';
  return locale === 'fr' ? String(value).replace('.', ',') : String(value);
}

export default async function EditProposalPage({ params, searchParams }: Props) {
  const actor = await requirePermission('proposals.draft');
  const [{ id }, query, t, locale] = await Promise.all([params, searchParams, getTranslations(), getLocale()]);
  const file = await loadProposal(actor, id);
  const { proposal, site } = file;
  // Only the author edits, and only a draft: everyone else reads the file.
  if (draftEditRefusal(proposal, actor.id)) redirect(`/espace/propositions/${id}`);

  const sites = await activeSites(getDb());
  if (!sites.some((s) => s.id === site.id)) sites.unshift(site);
  const defaultValues: ProposalFormInput = {
    siteId: proposal.siteId,
    title: proposal.title,
    cameras: file.cameras.map((c) => ({
      latitude: shown(c.latitude, locale),
      longitude: shown(c.longitude, locale),
      placement: c.placement ?? '',
      regime: c.regime ?? '',
      zone: c.zone ?? '',
      filmsPublicRoad: c.filmsPublicRoad,
      type: c.type ?? '',
      mount: c.mount,
      directionDegrees: shown(c.directionDegrees, locale),
      angleDegrees: shown(c.angleDegrees, locale),
      openingsInView: c.openingsInView as NonNullable<ProposalFormInput['cameras']>[number]['openingsInView'],
      maskingPlanned: c.maskingPlanned,
      maskingDescription: c.maskingDescription,
    })),
    purposes: proposal.purposes,
    retentionDays: shown(proposal.retentionDays, locale),
    retentionJustification: proposal.retentionJustification,
    viewers: proposal.viewers,
    // Signs recorded before the telephone, pictogram and complaint items read them as blank.
    signage: { ...EMPTY_SIGNAGE, ...proposal.signage },
    investmentEuros: shown(proposal.investmentEuros, locale),
    yearlyCostEuros: shown(proposal.yearlyCostEuros, locale),
    justification: proposal.justification,
  };

  return (
    <>
      <p>
        <Link href={`/espace/propositions/${id}`}>{t('proposals.backToProposal')}</Link>
      </p>
      <h1>{t('proposals.editTitle', { reference: `${file.reference} – ${proposal.title}` })}</h1>
      <FlashAlerts query={query} successes={{ created: 'proposals.created' }} />
      <LinkedFilesNotice actor={actor} proposalId={proposal.id} query={query} />
      {/* The form translates in the browser: only the namespaces it uses travel there. */}
      <ClientMessages namespaces={['common', 'proposals', 'purposes', 'validation']}>
      <ProposalForm
        proposalId={proposal.id}
        revision={proposal.revision}
        defaultValues={defaultValues}
        sites={sites.map((s) => ({ id: s.id, name: s.name, latitude: s.latitude, longitude: s.longitude }))}
      />
      </ClientMessages>
    </>
  );
}
