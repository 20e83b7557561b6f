import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthorisationFacts } from '@/lib/domain/authorisation';
import { isAuthorisedOn } from '@/lib/domain/camera-status';
import {
  commissioningRefusal,
  conditionCheckRefusal,
  conditionsFollowUp,
  decisionStandingOn,
  decommissioningRefusal,
  isOverdue,
  landlordDecisionIssues,
  publicAuthorisation,
  trackedSteps,
  type AuthorisationRecord,
} from '@/lib/domain/follow-up';
import { addMonths } from '@/lib/domain/register';

/** The serve-time projection of what follows a decision: pure, day by day. */

const none: AuthorisationRecord = {
  filedOn: null,
  prefectureReference: null,
  cdvpOpinionOn: null,
  cdvpOpinion: null,
  prefectDecision: null,
  prefectDecidedOn: null,
  orderReference: null,
  refusalReason: null,
};
const favourable = { kind: 'decision' as const, outcome: 'favourable_with_conditions' };

describe('the public authorisation of an entry', () => {
  it('is null for what cannot be authorised, not_filed for a favourable entry with no record', () => {
    expect(publicAuthorisation({ kind: 'decision', outcome: 'unfavourable' }, null, '2026-11-27')).toBeNull();
    expect(publicAuthorisation({ kind: 'revocation', outcome: 'favourable' }, null, '2026-11-27')).toBeNull();
    expect(publicAuthorisation({ kind: 'correction', outcome: 'favourable' }, null, '2026-11-27')).toEqual({
      status: 'not_filed',
      filedAt: null,
      grantedAt: null,
      refusedAt: null,
      expiresAt: null,
      refusedBySilenceFrom: null,
      reference: null,
    });
  });

  it('turns into a refusal by silence the day after filing + 4 months, and back to granted by a late decision', () => {
    const filed = { ...none, filedOn: '2026-03-31', prefectureReference: 'P-1' };
    // 31 March + 4 months = 31 July: the prefect may still answer that day.
    expect(publicAuthorisation(favourable, filed, '2026-07-31')).toMatchObject({ status: 'filed', refusedBySilenceFrom: '2026-08-01', reference: null });
    expect(publicAuthorisation(favourable, filed, '2026-08-01')).toMatchObject({ status: 'refused_by_silence', refusedBySilenceFrom: '2026-08-01' });
    const late = { ...filed, prefectDecision: 'granted' as const, prefectDecidedOn: '2026-09-15', orderReference: 'AP-9' };
    expect(publicAuthorisation(favourable, late, '2026-09-15')).toMatchObject({ status: 'granted', grantedAt: '2026-09-15', expiresAt: '2031-09-15', refusedBySilenceFrom: null, reference: 'AP-9' });
    // The order's reference is public once granted, and stays with the expired authorisation.
    expect(publicAuthorisation(favourable, late, '2031-09-16')).toMatchObject({ status: 'expired', reference: 'AP-9' });
    // A refusal shows its day, never its reason (the reason stays with the staff).
    const refused = { ...filed, prefectDecision: 'refused' as const, prefectDecidedOn: '2026-05-02', refusalReason: 'Motif interne' };
    expect(publicAuthorisation(favourable, refused, '2026-06-01')).toEqual({
      status: 'refused',
      filedAt: '2026-03-31',
      grantedAt: null,
      refusedAt: '2026-05-02',
      expiresAt: null,
      refusedBySilenceFrom: null,
      reference: null,
    });
  });
});

describe('the follow-up of conditions', () => {
  it('is overdue the day after its due date unless met, never without a due date', () => {
    expect(isOverdue({ dueDate: '2026-11-26' }, null, '2026-11-26')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-26' }, null, '2026-11-27')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-26' }, 'not_met', '2026-11-27')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-26' }, 'met', '2026-11-27')).toBe(false);
    expect(isOverdue({ dueDate: null }, null, '2099-01-01')).toBe(false);
  });

  it('matches each check to its condition by position', () => {
    const conditions = [{ dueDate: '2026-01-31' }, { dueDate: null }, { dueDate: '2027-01-31' }];
    expect(conditionsFollowUp(conditions, [{ conditionIndex: 2, status: 'met', checkedOn: '2026-10-01' }, { conditionIndex: 0, status: 'not_met', checkedOn: '2026-02-02' }], '2026-11-27')).toEqual([
      { state: 'not_met', overdue: true, checkedOn: '2026-02-02' },
      { state: 'pending', overdue: false, checkedOn: null },
      { state: 'met', overdue: false, checkedOn: '2026-10-01' },
    ]);
  });
});

/* ------------------------------------------------------------------------------------
 * Each camera under its own regime, and the dates that cannot be (issue 18 §1, §2, §4).
 * ---------------------------------------------------------------------------------- */

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const grantedFacts = (grantedAt: string): AuthorisationFacts => ({ filedAt: plusDays(grantedAt, -60), prefectureReference: 'PREF-1', decision: { kind: 'granted', orderReference: 'AP-1', grantedAt } });

describe('what the follow-up tracks, by the regimes of the cameras', () => {
  it('the prefect for the street and places open to the public, the landlord for its common areas, both for a mixed file', () => {
    expect(trackedSteps(['public_road'])).toEqual({ prefect: true, landlord: false });
    expect(trackedSteps(['open_to_public'])).toEqual({ prefect: true, landlord: false });
    expect(trackedSteps(['private_common_area'])).toEqual({ prefect: false, landlord: true });
    expect(trackedSteps(['open_to_public', 'private_common_area'])).toEqual({ prefect: true, landlord: true });
    // A file without a known regime is followed as every file was before regimes: by the prefect.
    expect(trackedSteps([])).toEqual({ prefect: true, landlord: false });
  });
});

describe('"authorised" from the records, through camera-status isAuthorisedOn', () => {
  const standing = (records: Partial<Parameters<typeof decisionStandingOn>[0]>, on: string) =>
    decisionStandingOn({ holds: true, authorisation: null, landlordDecision: null, ...records }, on);

  it('a prefectoral camera from the grant through expiry, never on a filing, a refusal or a refusal by silence', () => {
    const facts = grantedFacts('2026-06-15');
    expect(isAuthorisedOn('public_road', standing({ authorisation: facts }, '2026-06-14'), '2026-06-14')).toBe(false);
    expect(isAuthorisedOn('public_road', standing({ authorisation: facts }, '2026-06-15'), '2026-06-15')).toBe(true);
    expect(isAuthorisedOn('open_to_public', standing({ authorisation: facts }, '2031-06-15'), '2031-06-15')).toBe(true);
    expect(isAuthorisedOn('open_to_public', standing({ authorisation: facts }, '2031-06-16'), '2031-06-16')).toBe(false);
    const silent: AuthorisationFacts = { filedAt: '2026-01-10', prefectureReference: 'P' };
    expect(standing({ authorisation: silent }, '2026-12-01').authorisationStatus).toBe('refused_by_silence');
    expect(isAuthorisedOn('public_road', standing({ authorisation: silent }, '2026-12-01'), '2026-12-01')).toBe(false);
    // The landlord's decision authorises no street camera.
    expect(isAuthorisedOn('public_road', standing({ landlordDecision: { boardDecidedOn: '2026-01-01' } }, '2026-12-01'), '2026-12-01')).toBe(false);
    // A revoked decision authorises nothing.
    expect(isAuthorisedOn('public_road', decisionStandingOn({ holds: false, authorisation: facts, landlordDecision: null }, '2027-01-01'), '2027-01-01')).toBe(false);
  });

  it('a common-area camera from the landlord’s board decision, whatever the prefect did', () => {
    const board = { boardDecidedOn: '2026-04-02' };
    expect(isAuthorisedOn('private_common_area', standing({ landlordDecision: board }, '2026-04-01'), '2026-04-01')).toBe(false);
    expect(isAuthorisedOn('private_common_area', standing({ landlordDecision: board }, '2026-04-02'), '2026-04-02')).toBe(true);
    expect(isAuthorisedOn('private_common_area', standing({ authorisation: grantedFacts('2026-01-01') }, '2026-04-02'), '2026-04-02')).toBe(false);
  });
});

describe('commissioning only on a day the camera is authorised under its regime', () => {
  it('never before the grant, after expiry, in the future, or without anything recorded', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3000, max: 3000 }), fc.nat(4000), (grantedAt, offset, ahead) => {
        const on = plusDays(grantedAt, offset);
        const today = plusDays(on > grantedAt ? on : grantedAt, ahead);
        const refusal = commissioningRefusal('public_road', { authorisation: grantedFacts(grantedAt), landlordDecision: null }, on, today);
        const expiresAt = addMonths(grantedAt, 60);
        if (on < grantedAt) expect(refusal).toEqual({ reason: 'before_grant', date: grantedAt });
        else if (on > expiresAt) expect(refusal).toEqual({ reason: 'expired', date: expiresAt });
        else expect(refusal).toBeNull();
        expect(commissioningRefusal('public_road', { authorisation: grantedFacts(grantedAt), landlordDecision: null }, plusDays(today, 1), today)).toEqual({ reason: 'in_the_future' });
      }),
    );
    expect(commissioningRefusal('open_to_public', { authorisation: null, landlordDecision: null }, '2026-05-01', '2026-05-02')).toEqual({ reason: 'not_authorised' });
    expect(commissioningRefusal('open_to_public', { authorisation: { filedAt: '2026-01-01', prefectureReference: 'P' }, landlordDecision: null }, '2026-05-01', '2026-05-02')).toEqual({ reason: 'not_authorised' });
  });

  it('a common-area camera: from the landlord’s decision on, never before it nor without it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3000, max: 3000 }), fc.nat(4000), (decidedOn, offset, ahead) => {
        const on = plusDays(decidedOn, offset);
        const today = plusDays(on > decidedOn ? on : decidedOn, ahead);
        const refusal = commissioningRefusal('private_common_area', { authorisation: null, landlordDecision: { boardDecidedOn: decidedOn } }, on, today);
        expect(refusal).toEqual(on < decidedOn ? { reason: 'before_landlord_decision', date: decidedOn } : null);
        // No landlord's decision: refused whatever the prefect granted.
        expect(commissioningRefusal('private_common_area', { authorisation: grantedFacts(decidedOn), landlordDecision: null }, on, today)).toEqual({ reason: 'not_decided_by_landlord' });
      }),
    );
  });
});

describe('dates that cannot be', () => {
  it('a camera taken down: the real day, not in the future nor before it was put in service', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), (commissionedOn, down, now) => {
        const on = plusDays(commissionedOn, down);
        const today = plusDays(commissionedOn, now);
        const refusal = decommissioningRefusal(on, commissionedOn, today);
        expect(refusal).toBe(on > today ? 'in_the_future' : on < commissionedOn ? 'before_commissioning' : null);
      }),
    );
    expect(decommissioningRefusal('2026-05-01', '2026-05-01', '2026-05-01')).toBeNull();
  });

  it('a condition checked: not before the vote that set it, not in the future', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), (decidedAt, checked, now) => {
        const on = plusDays(decidedAt, checked);
        const today = plusDays(decidedAt, now);
        expect(conditionCheckRefusal(on, decidedAt, today)).toBe(on > today ? 'in_the_future' : on < decidedAt ? 'before_decision' : null);
      }),
    );
    expect(conditionCheckRefusal('2026-05-01', '2026-05-01', '2026-05-01')).toBeNull();
  });

  it('a landlord’s record: days that exist and have come, the convention in full exactly when images go to the police', () => {
    const base = { boardDecidedOn: '2026-03-10', boardReference: 'CA-14', policeTransmission: false, conventionSignedOn: '', conventionParties: '', conventionReference: '' };
    expect(landlordDecisionIssues(base, '2026-05-01')).toEqual([]);
    expect(landlordDecisionIssues({ ...base, boardDecidedOn: '2026-05-02' }, '2026-05-01')).toEqual([{ reason: 'in_the_future', path: 'boardDecidedOn' }]);
    expect(landlordDecisionIssues({ ...base, boardDecidedOn: '2026-02-30', boardReference: ' ' }, '2026-05-01')).toEqual([
      { reason: 'not_a_day', path: 'boardDecidedOn' },
      { reason: 'required', path: 'boardReference' },
    ]);
    expect(landlordDecisionIssues({ ...base, policeTransmission: true }, '2026-05-01')).toEqual([
      { reason: 'required', path: 'conventionSignedOn' },
      { reason: 'required', path: 'conventionParties' },
      { reason: 'required', path: 'conventionReference' },
    ]);
    const convention = { conventionSignedOn: '2026-04-01', conventionParties: 'Bailleur, préfet', conventionReference: 'CONV-1' };
    expect(landlordDecisionIssues({ ...base, policeTransmission: true, ...convention }, '2026-05-01')).toEqual([]);
    expect(landlordDecisionIssues({ ...base, policeTransmission: true, ...convention, conventionSignedOn: '2026-05-02' }, '2026-05-01')).toEqual([{ reason: 'in_the_future', path: 'conventionSignedOn' }]);
    // A convention typed without transmission is pointed out, not dropped.
    expect(landlordDecisionIssues({ ...base, conventionReference: 'CONV-1' }, '2026-05-01')).toEqual([{ reason: 'convention_without_transmission', path: 'conventionReference' }]);
  });
});
