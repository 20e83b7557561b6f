import { describe, expect, it } from 'vitest';
import {
  CAMERA_MAX_DISTANCE_METRES,
  CONFORMANCE_ERRORS,
  checkCamerasNearSite,
  checkSignageRetention,
  checkSubmittable,
  distanceMetres,
  type CameraDraft,
  type ProposalDraft,
} from '@/lib/domain/conformance';
import {
  PURPOSES,
  PURPOSE_CODES,
  RETENTION_MAX_DAYS,
  RETENTION_RECOMMENDED_MAX_DAYS,
  isPurposeCode,
} from '@/lib/domain/legal';
import { OPENINGS } from '@/lib/domain/vocabulary';

function camera(overrides: Partial<CameraDraft> = {}): CameraDraft {
  return {
    latitude: 48.8846,
    longitude: 2.2389,
    placement: 'outdoor',
    regime: 'public_road',
    filmsPublicRoad: false,
    type: 'fixed',
    mount: 'Façade, 4 m',
    directionDegrees: 120,
    angleDegrees: 70,
    openingsInView: [],
    maskingPlanned: false,
    maskingDescription: '',
    ...overrides,
  };
}

/** A proposal that passes every rule; each test breaks exactly one thing. */
function proposal(overrides: Partial<ProposalDraft> = {}): ProposalDraft {
  return {
    siteId: '7f1c2d9e-0000-4000-8000-000000000001',
    cameras: [camera()],
    purposes: ['assault_theft_drug_trafficking_prevention'],
    retentionDays: 10,
    retentionJustification: '',
    viewers: 'Opérateurs du CSU habilités',
    signage: {
      pictogram: true,
      controller: 'Ville de Puteaux',
      telephone: '01 23 45 67 89',
      purposes: 'Prévention des atteintes aux personnes et aux biens',
      rights: 'Droit d’accès auprès du délégué à la protection des données',
      contact: 'dpo@mairie-puteaux.fr',
      retention: '10 jours',
      complaint: 'Réclamation auprès de la CNIL, 3 place de Fontenoy, 75007 Paris',
    },
    investmentEuros: 12000,
    yearlyCostEuros: 1500,
    justification: 'Dégradations répétées du hall depuis 2024.',
    ...overrides,
  };
}

describe('the fixture', () => {
  it('is conformant, so every failure below comes from the one thing each test breaks', () => {
    expect(checkSubmittable(proposal())).toEqual({});
  });
});

describe('legal data', () => {
  it('lists the eleven purposes of CSI L251-2, numbered 1° to 11°, for the street and places open to the public, then the open places\' and the landlord\'s own', () => {
    const street = PURPOSES.slice(0, 11);
    expect(street.map((p) => (p.ref as { item?: number }).item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const p of street) {
      expect(p.ref.citation).toBe(`CSI, art. L251-2, ${(p.ref as { item?: number }).item}°`);
      expect(p.regimes).toEqual(['public_road', 'open_to_public']);
    }
    expect(PURPOSES.slice(11).map((p) => [p.code, p.regimes, p.ref.article])).toEqual([
      ['open_place_safety', ['open_to_public'], 'L251-2'],
      ['common_area_protection', ['private_common_area'], '6'],
    ]);
    expect(new Set(PURPOSE_CODES).size).toBe(13);
  });

  it('sets the legal and recommended retention limits', () => {
    expect(RETENTION_MAX_DAYS).toBe(30);
    expect(RETENTION_RECOMMENDED_MAX_DAYS).toBe(15);
  });

  it('recognises purpose codes only', () => {
    expect(isPurposeCode('fly_tipping')).toBe(true);
    for (const v of ['general_security', 'FLY_TIPPING', '', 3, null]) expect(isPurposeCode(v)).toBe(false);
  });
});

describe('rule 1: purposes from CSI L251-2, at least one', () => {
  it('refuses a proposal without any purpose', () => {
    expect(checkSubmittable(proposal({ purposes: [] }))).toEqual({ purposes: CONFORMANCE_ERRORS.purposesRequired });
  });

  it('accepts each purpose of the street list on a street camera, and all of them together', () => {
    const street = PURPOSES.filter((p) => (p.regimes as readonly string[]).includes('public_road')).map((p) => p.code);
    for (const code of street) expect(checkSubmittable(proposal({ purposes: [code] }))).toEqual({});
    expect(checkSubmittable(proposal({ purposes: street }))).toEqual({});
  });

  it('refuses a purpose outside the list, pointing at it', () => {
    const purposes = ['traffic_offences', 'general_security', 'rescue_fire', ''];
    expect(checkSubmittable(proposal({ purposes }))).toEqual({
      'purposes.1': CONFORMANCE_ERRORS.purposeUnknown,
      'purposes.3': CONFORMANCE_ERRORS.purposeUnknown,
    });
  });
});

describe('rule 2: retention 1 to 30 days, above 15 justified', () => {
  // The sign states the same period, so that only rule 2 speaks here.
  const errorsFor = (retentionDays: number, retentionJustification = '') =>
    checkSubmittable(proposal({ retentionDays, retentionJustification, signage: { ...proposal().signage, retention: `${retentionDays} jours` } }));

  it('refuses 0 days and accepts 1', () => {
    expect(errorsFor(0)).toEqual({ retentionDays: CONFORMANCE_ERRORS.retentionRange });
    expect(errorsFor(-3)).toEqual({ retentionDays: CONFORMANCE_ERRORS.retentionRange });
    expect(errorsFor(1)).toEqual({});
  });

  it('accepts 15 days without justification', () => {
    expect(errorsFor(15)).toEqual({});
  });

  it('requires a justification at 16 days, and accepts it with one', () => {
    expect(errorsFor(16)).toEqual({ retentionJustification: CONFORMANCE_ERRORS.retentionJustificationRequired });
    expect(errorsFor(16, '   ')).toEqual({ retentionJustification: CONFORMANCE_ERRORS.retentionJustificationRequired });
    expect(errorsFor(16, 'Dépôts sauvages constatés chaque fin de mois.')).toEqual({});
  });

  it('accepts 30 days with a justification, and refuses it without', () => {
    expect(errorsFor(30, 'Relevés mensuels du bailleur.')).toEqual({});
    expect(errorsFor(30)).toEqual({ retentionJustification: CONFORMANCE_ERRORS.retentionJustificationRequired });
  });

  it('refuses 31 days even with a justification, and asks for both without', () => {
    expect(errorsFor(31, 'Relevés mensuels du bailleur.')).toEqual({
      retentionDays: CONFORMANCE_ERRORS.retentionRange,
    });
    expect(errorsFor(31)).toEqual({
      retentionDays: CONFORMANCE_ERRORS.retentionRange,
      retentionJustification: CONFORMANCE_ERRORS.retentionJustificationRequired,
    });
  });

  it('refuses a retention that is not a whole number of days', () => {
    for (const days of [7.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkSubmittable(proposal({ retentionDays: days, retentionJustification: 'x' }))).toEqual({
        retentionDays: CONFORMANCE_ERRORS.retentionRange,
      });
    }
  });
});

describe('rule 3: masking when a dwelling is in view, as the regime says (CSI L251-3, CNIL)', () => {
  it('does not ask for masking when no opening is in view', () => {
    expect(checkSubmittable(proposal({ cameras: [camera({ maskingPlanned: false })] }))).toEqual({});
  });

  it('requires masking for each kind of opening in view of a street camera, indoors or out', () => {
    for (const opening of OPENINGS) {
      for (const placement of ['indoor', 'outdoor'] as const) {
        for (const filmsPublicRoad of [true, false]) {
          const cam = camera({ openingsInView: [opening], placement, filmsPublicRoad, maskingPlanned: false });
          expect(checkSubmittable(proposal({ cameras: [cam] }))).toEqual({
            'cameras.0.maskingPlanned': CONFORMANCE_ERRORS.maskingRequired,
          });
        }
      }
    }
  });

  it('accepts an opening in view when masking is planned and described', () => {
    const cam = camera({
      openingsInView: ['window', 'balcony'],
      maskingPlanned: true,
      maskingDescription: 'Zones noires sur les fenêtres du 1er étage',
    });
    expect(checkSubmittable(proposal({ cameras: [cam] }))).toEqual({});
  });

  it('requires a description of the masking planned', () => {
    const cam = camera({ openingsInView: ['door'], maskingPlanned: true, maskingDescription: '  ' });
    expect(checkSubmittable(proposal({ cameras: [cam] }))).toEqual({
      'cameras.0.maskingDescription': CONFORMANCE_ERRORS.maskingDescriptionRequired,
    });
  });

  it('points at the camera at fault among several', () => {
    const ok = camera();
    const bad = camera({ openingsInView: ['building_entrance'] });
    expect(checkSubmittable(proposal({ cameras: [ok, bad, ok, bad] }))).toEqual({
      'cameras.1.maskingPlanned': CONFORMANCE_ERRORS.maskingRequired,
      'cameras.3.maskingPlanned': CONFORMANCE_ERRORS.maskingRequired,
    });
  });

  it('requires at least one camera', () => {
    expect(checkSubmittable(proposal({ cameras: [] }))).toEqual({ cameras: CONFORMANCE_ERRORS.camerasRequired });
  });
});

describe('rule 4: signage complete (CSI L251-3, GDPR art. 13, CNIL)', () => {
  it('asks for the pictogram', () => {
    const p = proposal();
    expect(checkSubmittable({ ...p, signage: { ...p.signage, pictogram: false } })).toEqual({ 'signage.pictogram': CONFORMANCE_ERRORS.signagePictogram });
  });

  it('asks for a telephone number that is one, and a complaint mention that names the CNIL', () => {
    const p = proposal();
    for (const telephone of ['écrire au maire', '12 34', '0123456789012345678']) {
      expect(checkSubmittable({ ...p, signage: { ...p.signage, telephone } })).toEqual({ 'signage.telephone': CONFORMANCE_ERRORS.signageTelephone });
    }
    for (const telephone of ['01 23 45 67 89', '+33 1 23 45 67 89', '01.23.45.67.89']) expect(checkSubmittable({ ...p, signage: { ...p.signage, telephone } })).toEqual({});
    expect(checkSubmittable({ ...p, signage: { ...p.signage, complaint: 'Adressez-vous au maire.' } })).toEqual({ 'signage.complaint': CONFORMANCE_ERRORS.signageComplaint });
  });

  for (const field of ['controller', 'telephone', 'purposes', 'rights', 'contact', 'retention', 'complaint'] as const) {
    it(`refuses a blank signage ${field}`, () => {
      for (const blank of ['', '   ', '\n']) {
        const p = proposal();
        expect(checkSubmittable({ ...p, signage: { ...p.signage, [field]: blank } })).toEqual({
          [`signage.${field}`]: CONFORMANCE_ERRORS.signageRequired,
        });
      }
    });
  }

  it('reports every blank signage field at once', () => {
    const signage = { pictogram: false, controller: '', telephone: '', purposes: '', rights: '', contact: '', retention: '', complaint: '' };
    expect(Object.keys(checkSubmittable(proposal({ signage }))).sort()).toEqual([
      'signage.complaint',
      'signage.contact',
      'signage.controller',
      'signage.pictogram',
      'signage.purposes',
      'signage.retention',
      'signage.rights',
      'signage.telephone',
    ]);
  });
});

describe('checkSubmittable', () => {
  it('reports every rule broken at once, each under its field', () => {
    const p = proposal({
      purposes: [],
      retentionDays: 20,
      retentionJustification: '',
      cameras: [camera({ openingsInView: ['interior'] })],
    });
    expect(checkSubmittable({ ...p, signage: { ...p.signage, contact: '' } })).toEqual({
      purposes: CONFORMANCE_ERRORS.purposesRequired,
      retentionJustification: CONFORMANCE_ERRORS.retentionJustificationRequired,
      'cameras.0.maskingPlanned': CONFORMANCE_ERRORS.maskingRequired,
      'signage.contact': CONFORMANCE_ERRORS.signageRequired,
      // The sign still says 10 days.
      'signage.retention': { key: CONFORMANCE_ERRORS.signageRetentionMismatch, params: { stated: 10, days: 20 } },
    });
  });

  it('uses only validation.* catalog keys', () => {
    for (const key of Object.values(CONFORMANCE_ERRORS)) expect(key).toMatch(/^validation\.[a-z_]+$/);
  });
});

describe('the sign states the retention period of the proposal', () => {
  it('accepts the same number of days, or a text that states no number of days', () => {
    for (const retention of ['10 jours', '10\u00a0jours maximum', 'Images conservées 10 j', '10 days', 'un mois au plus']) {
      expect(checkSignageRetention(proposal({ signage: { ...proposal().signage, retention } }))).toEqual({});
    }
  });

  it('refuses a sign that states another number of days, on the sign field, with both numbers', () => {
    expect(checkSignageRetention(proposal({ retentionDays: 15, signage: { ...proposal().signage, retention: 'Conservation : 30 jours' } }))).toEqual({
      'signage.retention': { key: CONFORMANCE_ERRORS.signageRetentionMismatch, params: { stated: 30, days: 15 } },
    });
    expect(Object.keys(checkSubmittable(proposal({ retentionDays: 7 })))).toEqual(['signage.retention']);
  });

  it('leaves a retention period that rule 2 refuses to rule 2', () => {
    for (const retentionDays of [Number.NaN, 0, 45]) expect(checkSignageRetention(proposal({ retentionDays }))).toEqual({});
  });
});

describe('each camera lies near its site', () => {
  const site = { latitude: 48.8846, longitude: 2.2389 };

  it('measures great-circle distances (haversine)', () => {
    expect(distanceMetres(site, site)).toBe(0);
    // One thousandth of a degree of latitude is about 111 m anywhere.
    expect(distanceMetres(site, { ...site, latitude: site.latitude + 0.001 })).toBeCloseTo(111.2, 0);
    // Paris (Notre-Dame) to Puteaux town hall: about 9 km.
    expect(distanceMetres({ latitude: 48.853, longitude: 2.3499 }, { latitude: 48.8848, longitude: 2.2383 }) / 1000).toBeCloseTo(8.9, 0);
  });

  it('accepts cameras within 1 km and refuses one at 0, 0 with its distance in metres', () => {
    const near = { latitude: site.latitude + 0.008, longitude: site.longitude }; // ≈ 890 m
    const zero = { latitude: 0, longitude: 0 };
    expect(checkCamerasNearSite([near], site)).toEqual({});
    const errors = checkCamerasNearSite([near, zero], site);
    expect(Object.keys(errors)).toEqual(['cameras.1.latitude']);
    expect(errors['cameras.1.latitude']).toEqual({
      key: CONFORMANCE_ERRORS.cameraTooFar,
      params: { distance: Math.round(distanceMetres(zero, site)), max: CAMERA_MAX_DISTANCE_METRES },
    });
    expect(distanceMetres(zero, site)).toBeGreaterThan(5_000_000);
  });

  it('refuses just beyond the limit, and ignores cameras not placed yet', () => {
    expect(checkCamerasNearSite([{ latitude: site.latitude + 0.0091, longitude: site.longitude }], site)).toHaveProperty(['cameras.0.latitude']);
    expect(checkCamerasNearSite([{ latitude: null, longitude: 2 }, { latitude: 'x', longitude: 2 }], site)).toEqual({});
  });
});
