import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cameraCounts, isAuthorisedOn, isInServiceOn, osmSurveillance, osmZone, publicCamera, publicLandlordDecision, publishedPosition, type DecisionStanding } from '@/lib/domain/camera-status';
import { checkCameras, CONFORMANCE_ERRORS, type CameraDraft } from '@/lib/domain/conformance';
import { PURPOSES, PURPOSE_CODES } from '@/lib/domain/legal';
import { checkRegimes, controllerOf, needsPrefectAuthorisation, openingsToMask, purposesFor, REGIME_ERRORS, regimesOfPurpose } from '@/lib/domain/regimes';
import { AUTHORISATION_STATUSES, CAMERA_REGIMES, OPENINGS, type CameraRegime } from '@/lib/domain/vocabulary';

const regime = fc.constantFrom(...CAMERA_REGIMES);
const purpose = fc.constantFrom(...PURPOSE_CODES);
const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('purposes follow the regime', () => {
  it('the street list serves the public road and places open to the public; the landlord’s, its common areas only', () => {
    expect(purposesFor('public_road')).toHaveLength(11);
    expect(purposesFor('open_to_public')).toEqual([...purposesFor('public_road'), 'open_place_safety']);
    expect(purposesFor('private_common_area')).toEqual(['common_area_protection']);
  });

  it('accepts a set of purposes exactly when each serves a regime present and each regime present has one (property)', () => {
    fc.assert(
      fc.property(fc.array(regime, { minLength: 1, maxLength: 4 }), fc.uniqueArray(purpose, { maxLength: 5 }), (regimes, purposes) => {
        const errors = checkRegimes({ cameras: regimes.map((r) => ({ regime: r, filmsPublicRoad: false })), purposes });
        const present = new Set(regimes);
        const everyPurposeServes = purposes.every((p) => regimesOfPurpose(p).some((r) => present.has(r)));
        const everyRegimeServed = [...present].every((r) => purposes.some((p) => regimesOfPurpose(p).includes(r)));
        expect(Object.keys(errors).length === 0).toBe(everyPurposeServes && everyRegimeServed);
      }),
    );
  });

  it('refuses a street purpose on a file of common-area cameras, on the purpose', () => {
    const cameras = [{ regime: 'private_common_area', filmsPublicRoad: false }];
    expect(checkRegimes({ cameras, purposes: ['common_area_protection', 'traffic_offences'] })).toEqual({ 'purposes.1': REGIME_ERRORS.purposeNotForRegimes });
    expect(checkRegimes({ cameras, purposes: ['assault_theft_drug_trafficking_prevention'] })).toEqual({
      'purposes.0': REGIME_ERRORS.purposeNotForRegimes,
      purposes: { key: REGIME_ERRORS.purposeForRegimeRequired, params: { regime: 'private_common_area' } },
    });
  });

  it('asks for a regime on every camera, and refuses a landlord’s camera that films the road', () => {
    expect(checkRegimes({ cameras: [{ regime: null, filmsPublicRoad: false }], purposes: [] })).toEqual({ 'cameras.0.regime': REGIME_ERRORS.regimeRequired });
    expect(checkRegimes({ cameras: [{ regime: 'private_common_area', filmsPublicRoad: true }], purposes: ['common_area_protection'] })).toEqual({
      'cameras.0.filmsPublicRoad': REGIME_ERRORS.commonAreaFilmsRoad,
    });
  });

  it('every purpose has a legal reference and at least one regime', () => {
    for (const p of PURPOSES) {
      expect(p.ref.citation.length).toBeGreaterThan(0);
      expect(p.regimes.length).toBeGreaterThan(0);
    }
  });
});

describe('masking follows the regime', () => {
  it('on the street and in places open to the public, everything of a dwelling in view is masked (CSI L251-3)', () => {
    for (const r of ['public_road', 'open_to_public'] as const) expect(openingsToMask(r, [...OPENINGS])).toEqual([...OPENINGS]);
  });

  it('in a landlord’s common area, the building’s entrance may stay in view; flat doors, windows, balconies and terraces may not (CNIL)', () => {
    expect(openingsToMask('private_common_area', ['building_entrance'])).toEqual([]);
    expect(openingsToMask('private_common_area', ['door', 'window', 'balcony', 'terrace', 'building_entrance'])).toEqual(['door', 'window', 'balcony', 'terrace']);
  });

  it('the submission rule asks for masking exactly when the regime says something must be masked (property)', () => {
    fc.assert(
      fc.property(regime, fc.uniqueArray(fc.constantFrom(...OPENINGS)), (r, inView) => {
        const camera: CameraDraft = {
          latitude: 48.88,
          longitude: 2.23,
          placement: 'indoor',
          regime: r,
          filmsPublicRoad: false,
          type: 'fixed',
          mount: 'Plafond',
          directionDegrees: 0,
          angleDegrees: 90,
          openingsInView: inView,
          maskingPlanned: false,
          maskingDescription: '',
        };
        const errors = checkCameras({ cameras: [camera] });
        expect(errors['cameras.0.maskingPlanned'] === CONFORMANCE_ERRORS.maskingRequired).toBe(openingsToMask(r, inView).length > 0);
      }),
    );
  });
});

describe('who answers, who authorises', () => {
  it('the prefect authorises the street and places open to the public, never a landlord’s common area', () => {
    expect(CAMERA_REGIMES.filter(needsPrefectAuthorisation)).toEqual(['public_road', 'open_to_public']);
  });

  it('the controller is the landlord for its common areas, else the city', () => {
    const site = { landlord: 'Puteaux Habitat (OPH)' };
    expect(controllerOf('private_common_area', site, 'Ville de Puteaux')).toBe('Puteaux Habitat (OPH)');
    expect(controllerOf('public_road', site, 'Ville de Puteaux')).toBe('Ville de Puteaux');
    expect(controllerOf('open_to_public', site, 'Ville de Puteaux')).toBe('Ville de Puteaux');
  });
});

describe('"authorised" and "in service" mean one thing each', () => {
  const standing = (s: Partial<DecisionStanding> = {}): DecisionStanding => ({ holds: true, authorisationStatus: null, landlordDecidedOn: null, ...s });

  it('a prefectoral camera is authorised only while the order is granted and not expired, and the decision holds (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<CameraRegime>('public_road', 'open_to_public'), fc.constantFrom(...AUTHORISATION_STATUSES, null), fc.boolean(), day, (r, status, holds, today) => {
        expect(isAuthorisedOn(r, standing({ authorisationStatus: status, holds }), today)).toBe(holds && status === 'granted');
      }),
    );
  });

  it('refused, refused by silence, not filed, filed and expired are never authorised', () => {
    for (const status of ['refused', 'refused_by_silence', 'not_filed', 'filed', 'expired'] as const) {
      expect(isAuthorisedOn('public_road', standing({ authorisationStatus: status }), '2026-12-04')).toBe(false);
    }
  });

  it('a common-area camera is authorised once the landlord’s board decided, whatever the prefect', () => {
    expect(isAuthorisedOn('private_common_area', standing({ authorisationStatus: 'granted' }), '2026-12-04')).toBe(false);
    expect(isAuthorisedOn('private_common_area', standing({ landlordDecidedOn: '2026-12-05' }), '2026-12-04')).toBe(false);
    expect(isAuthorisedOn('private_common_area', standing({ landlordDecidedOn: '2026-12-04' }), '2026-12-04')).toBe(true);
    expect(isAuthorisedOn('private_common_area', standing({ landlordDecidedOn: '2026-01-01', holds: false }), '2026-12-04')).toBe(false);
  });

  it('in service from the commissioning day to the day before it is taken down (property)', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), fc.option(day, { nil: null }), day, (commissionedOn, decommissionedOn, today) => {
        const expected = commissionedOn !== null && commissionedOn <= today && (decommissionedOn === null || decommissionedOn > today);
        expect(isInServiceOn({ commissionedOn, decommissionedOn }, today)).toBe(expected);
      }),
    );
  });

  it('serves no date from the future, and counts by the two words', () => {
    const served = publicCamera({ regime: 'public_road', commissionedOn: '2027-01-01', decommissionedOn: null }, standing({ authorisationStatus: 'granted' }), '2026-12-04');
    expect(served).toEqual({ regime: 'public_road', authorised: true, inService: false, inServiceFrom: null, decommissionedOn: null });
    expect(cameraCounts([served, { ...served, inService: true }, { ...served, authorised: false }])).toEqual({ authorised: 2, inService: 1 });
  });

  it('the landlord’s decision says the police convention only once signed', () => {
    expect(publicLandlordDecision(null, '2026-12-04')).toEqual({ decidedOn: null, policeTransmission: false, conventionSignedOn: null });
    expect(publicLandlordDecision({ decidedOn: '2026-01-10', policeTransmission: true, conventionSignedOn: '2026-02-01' }, '2026-12-04')).toEqual({
      decidedOn: '2026-01-10',
      policeTransmission: true,
      conventionSignedOn: '2026-02-01',
    });
  });
});

describe('OpenStreetMap tags', () => {
  it('surveillance=public for the road only; outdoor or indoor for the others, by placement', () => {
    expect(osmSurveillance('public_road', 'indoor')).toBe('public');
    expect(osmSurveillance('open_to_public', 'indoor')).toBe('indoor');
    expect(osmSurveillance('private_common_area', 'outdoor')).toBe('outdoor');
  });

  it('surveillance:zone from the file, else from the regime and what is in view', () => {
    expect(osmZone('private_common_area', 'parking', [])).toBe('parking');
    expect(osmZone('public_road', null, [])).toBe('town');
    expect(osmZone('open_to_public', null, ['building_entrance'])).toBe('entrance');
    expect(osmZone('private_common_area', null, [])).toBe('building');
  });

  it('a camera point is the site’s point, or its own rounded to 4 decimals, never finer (property)', () => {
    const site = { lat: 48.88, lon: 2.23 };
    expect(publishedPosition('site', site, { latitude: 48.881234, longitude: 2.231234 })).toEqual(site);
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (latitude, longitude) => {
        const { lat, lon } = publishedPosition('rounded', site, { latitude, longitude });
        expect(Math.abs(lat - latitude)).toBeLessThanOrEqual(0.00005 + 1e-12);
        expect(Math.abs(lon - longitude)).toBeLessThanOrEqual(0.00005 + 1e-12);
        expect(Math.round(lat * 1e4) / 1e4).toBe(lat);
      }),
    );
  });
});
