import { getFormatter, getTranslations } from 'next-intl/server';
import { readEvent, SETTINGS_FIELDS, type TypedEvent } from '@/lib/domain/audit-events';
import { PROPOSAL_STATES, type ProposalState } from '@/lib/domain/vocabulary';
import type { AppTranslator } from '@/lib/i18n/translate';

/** One row of a record's history, as db/queries/audit.ts reads it. */
export interface AuditRow {
  id: string;
  action: string;
  details: unknown;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  createdAt: Date;
  actorName: string | null;
}

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

const isProposalState = (value: string | null): value is ProposalState => (PROPOSAL_STATES as readonly (string | null)[]).includes(value);

/**
 * The one formatter of audit events: every kind of the catalog has its message, and the
 * kinds whose details carry something worth saying (a role, the fields changed, a
 * version) put it into words. A row whose details do not match the catalog still shows
 * its kind's message, with the details left out.
 */
export function describeEvent(t: AppTranslator, format: Formatter, event: TypedEvent): string {
  switch (event.action) {
    case 'user.created':
      return t('audit.user.created', { via: event.details?.via ?? 'other' });
    case 'user.role_granted':
    case 'user.role_revoked':
      return t(`audit.${event.action}`, { role: event.details ? t(`roles.${event.details.role}`) : '' });
    case 'site.updated': {
      const fields = Object.keys(event.details?.changes ?? {}) as (keyof NonNullable<typeof event.details>['changes'])[];
      return t('audit.site.updated', { fields: format.list(fields.map((f) => t(`sites.fieldNames.${f}`))) });
    }
    case 'settings.updated': {
      const changes = Object.entries(event.details?.changes ?? {}).map(([field, change]) =>
        t('committee.settings.change', {
          field: t(`committee.settings.fieldNames.${field as SettingsField}`),
          from: settingInWords(t, change.from),
          to: settingInWords(t, change.to),
        }),
      );
      return t('audit.settings.updated', { changes: changes.length ? format.list(changes) : 'none' });
    }
    case 'diagnostic.saved':
      return t('audit.diagnostic.saved', { version: event.details?.version ?? '' });
    case 'proposal.dpia_attached':
      return t('audit.proposal.dpia_attached', { version: event.details?.version ?? '', fileName: event.details?.fileName ?? '' });
    case 'proposal.facts_from_observatory':
      return t('audit.proposal.facts_from_observatory', { version: event.details?.version ?? '', rows: event.details?.rows ?? 0 });
    case 'figures.imported':
      return t('audit.figures.imported', { fileName: event.details?.fileName ?? '', rows: event.details?.rows ?? 0 });
    case 'figures.entered':
      return t('audit.figures.entered', { year: event.details?.year ?? '' });
    case 'session.conditions_proposed':
      return t('audit.session.conditions_proposed', { count: event.details?.count ?? 0 });
    case 'conflict.recorded':
      return t('audit.conflict.recorded', { source: event.details?.source ?? 'declared' });
    case 'vote.cast':
      return t('audit.vote.cast', { previous: event.details?.previous ?? 'none', byProxy: String(event.details?.byProxy ?? false) });
    case 'decision.signed':
      return t('audit.decision.signed', { outcome: event.details ? t(`committee.outcomes.${event.details.outcome}`) : '' });
    case 'proposal.opened_from_decision':
      return t('audit.proposal.opened_from_decision', { kind: event.details?.kind ?? 'change' });
    case 'camera.commissioned':
      return t('audit.camera.commissioned', { cameras: format.list((event.details?.cameras ?? []).map((c) => t('audit.camera.one', { n: c.position + 1, date: format.dateTime(new Date(`${c.commissionedOn}T12:00:00Z`), 'date') }))) });
    case 'camera.decommissioned':
      return t('audit.camera.decommissioned', { n: (event.details?.position ?? -1) + 1, date: event.details ? format.dateTime(new Date(`${event.details.decommissionedOn}T12:00:00Z`), 'date') : '', reference: event.details?.reference ?? 'none' });
    case 'decision.entered_in_register':
      return t('audit.decision.entered_in_register', { kind: event.details?.kind ?? 'decision', reference: event.details?.reference ?? '', corrects: event.details?.corrects ?? '' });
    case 'authorisation.filed':
      return t('audit.authorisation.filed', { correction: String(event.details?.correction ?? false), day: dayInWords(format, event.details?.filedOn), reference: event.details?.prefectureReference ?? '' });
    case 'authorisation.cdvp_opinion':
      return t('audit.authorisation.cdvp_opinion', {
        correction: String(event.details?.correction ?? false),
        day: dayInWords(format, event.details?.cdvpOpinionOn),
        opinion: event.details ? t(`followUp.cdvpOpinions.${event.details.cdvpOpinion}`) : '',
      });
    case 'authorisation.prefect_decision':
      return t('audit.authorisation.prefect_decision', {
        correction: String(event.details?.correction ?? false),
        decision: event.details?.decision ?? 'granted',
        day: dayInWords(format, event.details?.decidedOn),
        reference: event.details?.orderReference ?? '',
        retention: event.details?.orderRetentionDays ? String(event.details.orderRetentionDays) : 'none',
      });
    case 'authorisation.acknowledged':
      return t('audit.authorisation.acknowledged', { correction: String(event.details?.correction ?? false), day: dayInWords(format, event.details?.acknowledgedOn) });
    case 'authorisation.commissioning_notice':
      return t('audit.authorisation.commissioning_notice', { correction: String(event.details?.correction ?? false), day: dayInWords(format, event.details?.noticeOn) });
    case 'landlord.decision_recorded':
      return t('audit.landlord.decision_recorded', {
        correction: String(event.details?.correction ?? false),
        day: dayInWords(format, event.details?.boardDecidedOn),
        reference: event.details?.boardReference ?? '',
        transmission: String(event.details?.policeTransmission ?? false),
        conventionDay: dayInWords(format, event.details?.conventionSignedOn),
        conventionReference: event.details?.conventionReference ?? '',
      });
    case 'condition.checked':
      return t('audit.condition.checked', { number: (event.details?.conditionIndex ?? 0) + 1, status: event.details?.status ?? 'met', day: dayInWords(format, event.details?.checkedOn) });
    default:
      return t(`audit.${event.action}`);
  }
}

/** A recorded Paris day ("2026-03-31") in words ("31 mars 2026"). */
export function dayInWords(format: Formatter, day: string | null | undefined): string {
  if (!day) return '';
  return format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}

type SettingsField = (typeof SETTINGS_FIELDS)[number];
const SETTING_VALUES = ['majority_of_serving', 'fixed', 'cast', 'absolute_of_present', 'site', 'rounded'] as const;

/** A committee setting's value in words: a rule's name, yes/no, a number, or "none". */
function settingInWords(t: AppTranslator, value: string | number | boolean | null): string {
  if (value === null) return t('committee.settings.values.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return String(value);
  return (SETTING_VALUES as readonly string[]).includes(value) ? t(`committee.settings.values.${value as (typeof SETTING_VALUES)[number]}`) : value;
}

/** A record's history, newest first: what happened, when, by whom, and for a file its move and the reason given. */
export async function AuditTimeline({ events, empty }: { events: AuditRow[]; empty: string }) {
  if (!events.length) return <p>{empty}</p>;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <ol className="timeline">
      {events.map((e) => {
        const typed = readEvent(e.action, e.details);
        return (
          <li key={e.id}>
            <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, 'long')}</time>
            <strong>{typed ? describeEvent(t, format, typed) : t('audit.unknown', { kind: e.action })}</strong>
            {isProposalState(e.fromState) && isProposalState(e.toState)
              ? ` (${t('audit.transition', { from: t(`states.${e.fromState}`), to: t(`states.${e.toState}`) })})`
              : ''}{' '}
            {t('audit.by', { name: e.actorName ?? t('audit.system') })}
            {e.reason ? <span className="hint">{t('audit.reason', { reason: e.reason })}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
