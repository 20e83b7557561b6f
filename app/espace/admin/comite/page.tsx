import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditTimeline } from '@/app/_components/audit-timeline';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { entityHistory } from '@/db/queries/audit';
import { getCommitteeSettings } from '@/db/queries/committee-settings';
import { requirePermission } from '@/lib/auth/session';
import { COMMITTEE_ENTITY_ID } from '@/lib/domain/audit-events';
import { RENEWAL_LEAD_REFERENCE, VALIDITY_REFERENCE } from '@/lib/domain/legal';
import { SettingsForm } from './settings-form';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = { updated: 'committee.settings.updated', unchanged: 'committee.settings.unchanged' } as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('committee.settings.title') };
}

/**
 * The committee's rules (admin): quorum, majority, casting vote, notice period, proxies, and
 * the renewal lead time of prefectoral authorisations (prefecture practice, not law); and
 * who changed them when.
 */
export default async function CommitteeSettingsPage({ searchParams }: Props) {
  await requirePermission('committee.settings');
  const [query, t] = await Promise.all([searchParams, getTranslations()]);
  const db = getDb();
  const [settings, history] = await Promise.all([getCommitteeSettings(db), entityHistory(db, 'committee', COMMITTEE_ENTITY_ID)]);
  return (
    <>
      <h1>{t('committee.settings.title')}</h1>
      <FlashAlerts query={query} successes={FLASHES} />
      <p>{t('committee.settings.intro')}</p>
      <p>{t('common.requiredFieldsNote')}</p>
      <SettingsForm
        revision={settings.revision}
        initial={{
          quorumRule: settings.quorumRule,
          quorumFixed: settings.quorumFixed === null ? '' : String(settings.quorumFixed),
          majorityRule: settings.majorityRule,
          chairCastingVote: settings.chairCastingVote,
          noticeDays: String(settings.noticeDays),
          proxiesAllowed: settings.proxiesAllowed,
          renewalLeadMonths: String(settings.renewalLeadMonths),
          cameraPrecision: settings.cameraPrecision,
        }}
        labels={{
          quorum: t('committee.settings.quorum'),
          quorumHelp: t('committee.settings.quorumHelp'),
          quorumFixed: t('committee.settings.quorumFixed'),
          quorumFixedHint: t('committee.settings.quorumFixedHint'),
          majority: t('committee.settings.majority'),
          majorityHelp: t('committee.settings.majorityHelp'),
          chairCastingVote: t('committee.settings.chairCastingVote'),
          chairCastingVoteHint: t('committee.settings.chairCastingVoteHint'),
          noticeDays: t('committee.settings.noticeDays'),
          noticeDaysHint: t('committee.settings.noticeDaysHint'),
          proxiesAllowed: t('committee.settings.proxiesAllowed'),
          proxiesAllowedHint: t('committee.settings.proxiesAllowedHint'),
          renewalLeadMonths: t('committee.settings.renewalLeadMonths'),
          renewalLeadMonthsHint: t('committee.settings.renewalLeadMonthsHint', { practice: RENEWAL_LEAD_REFERENCE.citation, validity: VALIDITY_REFERENCE.citation }),
          cameraPrecision: t('committee.settings.cameraPrecision'),
          cameraPrecisionHint: t('committee.settings.cameraPrecisionHint'),
          submit: t('committee.settings.submit'),
          required: t('common.required'),
          quorumRules: { majority_of_serving: t('committee.settings.quorumRules.majority_of_serving'), fixed: t('committee.settings.quorumRules.fixed') },
          majorityRules: { cast: t('committee.settings.majorityRules.cast'), absolute_of_present: t('committee.settings.majorityRules.absolute_of_present') },
          cameraPrecisions: { site: t('committee.settings.cameraPrecisions.site'), rounded: t('committee.settings.cameraPrecisions.rounded') },
        }}
      />

      <h2>{t('committee.settings.historyTitle')}</h2>
      <AuditTimeline events={history} empty={t('committee.settings.historyEmpty')} />
    </>
  );
}
