import { describe, it } from 'vitest';
import { BACKENDS } from './support/db';
import { hostileInputSuite } from './support/hostile-suite';

/** The same suite on PostgreSQL when DATABASE_URL is set (its own file, so it runs beside the embedded one). */
if (BACKENDS.includes('postgres')) hostileInputSuite('postgres');
else describe.skip('hostile input on postgres (DATABASE_URL is not set)', () => it('needs DATABASE_URL', () => {}));
