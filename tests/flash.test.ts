import { describe, expect, it } from 'vitest';
import { flashLocation, readFlash } from '@/lib/flash';

describe('the flash after a one-button command', () => {
  it('goes back with ?ok= on success (optionally elsewhere) and ?erreur= on refusal', () => {
    expect(flashLocation({ ok: true, value: null }, '/espace/x', 'granted')).toBe('/espace/x?ok=granted');
    expect(flashLocation({ ok: true, value: null }, '/espace/x', 'started', '/espace/x/diagnostic')).toBe('/espace/x/diagnostic?ok=started');
    expect(flashLocation({ ok: false, code: 'conflict:self_lockout', fieldErrors: {} }, '/espace/x', 'granted')).toBe('/espace/x?erreur=conflict%3Aself_lockout');
  });

  it('reads only flags and error codes it knows, whatever is typed in the address', () => {
    const successes = { granted: 'users.granted' };
    expect(readFlash({ ok: 'granted', erreur: 'forbidden' }, successes)).toEqual({ success: 'users.granted', error: 'forbidden' });
    for (const query of [{ ok: 'toString' }, { ok: '__proto__' }, { ok: ['granted'] }, { erreur: 'constructor' }, { erreur: '<script>' }, {}]) {
      expect(readFlash(query, successes)).toEqual({ success: null, error: null });
    }
  });
});
