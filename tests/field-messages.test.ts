import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translateFieldError } from '@/lib/forms';
import { createTranslator } from 'next-intl';
import { MESSAGES } from '@/lib/i18n/messages';
import { fieldErrorsFrom, formNumber, optionalText } from '@/lib/validation/fields';
import { proposalDraftSchema } from '@/lib/validation/proposals';

describe('field messages that name their limit', () => {
  it('say the limit in the reader’s language, thousands grouped', () => {
    const fr = createTranslator({ locale: 'fr', messages: MESSAGES.fr });
    const en = createTranslator({ locale: 'en', messages: MESSAGES.en });
    expect(translateFieldError(fr, { key: 'validation.too_long', params: { max: 2000 } })).toBe('2\u202f000 caractères au maximum : raccourcissez ce texte.');
    expect(translateFieldError(en, { key: 'validation.too_long', params: { max: 2000 } })).toBe('2\u202f000 characters at most: shorten this text.');
    expect(translateFieldError(fr, { key: 'validation.between', params: { min: 1, max: 30 } })).toBe('Saisissez une valeur entre 1 et 30.');
    expect(translateFieldError(fr, 'validation.site_required')).toBe('Choisissez une résidence.');
    expect(translateFieldError(fr, { key: 'validation.camera_too_far', params: { distance: 5441317, max: 1000 } })).toContain('à 5\u202f441\u202f317 m de la résidence');
  });
});

describe('zod issues carry the limit to the message', () => {
  const schema = z.object({ days: formNumber(1, 30, { integer: true }), note: optionalText(2000) });

  it('a number out of range names both limits; a text too long names its maximum', () => {
    const parsed = schema.safeParse({ days: '45', note: 'x'.repeat(2001) });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFrom(parsed.error!)).toEqual({
      days: { key: 'validation.between', params: { min: 1, max: 30 } },
      note: { key: 'validation.too_long', params: { max: 2000 } },
    });
  });

  it('an unchosen site asks to choose one', () => {
    const parsed = proposalDraftSchema.safeParse({ siteId: '', title: 'x' });
    expect(fieldErrorsFrom(parsed.error!)).toEqual({ siteId: 'validation.site_required' });
  });

  it('reads a French decimal comma', () => {
    expect(schema.parse({ days: '12', note: '' }).days).toBe(12);
    expect(z.object({ lat: formNumber(-90, 90, { integer: false }) }).parse({ lat: '48,88' }).lat).toBe(48.88);
  });
});
