import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig, { productionProblems } from '@/next.config.mjs';
import { parseEnv, smtpConfigured } from '@/lib/env';
import { safeReturnPath } from '@/lib/safe-return-path';

describe('production start-up', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('refuses to start a production server without AUTH_SECRET or DATABASE_URL', () => {
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('DATABASE_URL', 'postgresql://db.example/vigie');
    expect(() => nextConfig(PHASE_PRODUCTION_SERVER)).toThrow(/AUTH_SECRET must be set/);
    vi.stubEnv('AUTH_SECRET', 'a-secret-that-is-long-enough');
    vi.stubEnv('DATABASE_URL', '');
    expect(() => nextConfig(PHASE_PRODUCTION_SERVER)).toThrow(/DATABASE_URL must point/);
  });

  it('starts with both, and builds without either', () => {
    vi.stubEnv('AUTH_SECRET', 'a-secret-that-is-long-enough');
    vi.stubEnv('DATABASE_URL', 'postgresql://db.example/vigie');
    expect(nextConfig(PHASE_PRODUCTION_SERVER).poweredByHeader).toBe(false);
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('DATABASE_URL', '');
    expect(() => nextConfig(PHASE_PRODUCTION_BUILD)).not.toThrow();
  });

  it('rejects a secret too short to be one', () => {
    expect(productionProblems({ AUTH_SECRET: 'short', DATABASE_URL: 'postgresql://x/y' })).toHaveLength(1);
  });
});

describe('environment', () => {
  it('treats empty variables as unset and applies defaults', () => {
    const env = parseEnv({ DATABASE_URL: '', NODE_ENV: 'test' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ DATABASE_POOL_MAX: 10, TRUSTED_PROXY_HOPS: 0 });
  });

  it('sends email only with both SMTP_URL and SMTP_FROM, and links to APP_URL (localhost by default)', () => {
    expect(smtpConfigured(parseEnv({}))).toBe(false);
    expect(parseEnv({}).APP_URL).toBe('http://localhost:3000');
    const configured = parseEnv({ SMTP_URL: 'smtp://user:pass@mail.ville.test:587', SMTP_FROM: 'Vigie <vigie@ville.test>', APP_URL: 'https://vigie.ville.test' });
    expect(smtpConfigured(configured)).toBe(true);
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.ville.test' })).toThrow(/SMTP_FROM: required when SMTP_URL is set/);
    expect(() => parseEnv({ SMTP_URL: 'http://mail.ville.test', SMTP_FROM: 'vigie@ville.test' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ APP_URL: 'vigie.ville.test' })).toThrow(/APP_URL/);
  });

  it('explains every invalid variable at once', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x/y', DATABASE_POOL_MAX: 'lots' })).toThrow(/DATABASE_URL[\s\S]*DATABASE_POOL_MAX/);
  });
});

describe('safeReturnPath', () => {
  it('keeps local paths and refuses anything that could leave the site', () => {
    expect(safeReturnPath('/espace/admin?x=1', '/')).toBe('/espace/admin?x=1');
    for (const bad of ['https://evil.test', '//evil.test', '/\\evil.test', 'espace', '/a\nb', undefined, 42]) {
      expect(safeReturnPath(bad, '/fallback')).toBe('/fallback');
    }
  });
});
