import { describe, expect, it } from 'vitest';
import { conditionsFollowUp, isOverdue, publicAuthorisation, type AuthorisationRecord } from '@/lib/domain/follow-up';

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
