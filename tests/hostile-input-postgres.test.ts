import { describe } from 'vitest';
import { BACKENDS } from './support/db';
import { hostileInputSuite } from './support/hostile-suite';

/**
 * The same suite on PostgreSQL (its own file, so it runs beside the embedded one). Skipped
 * only where no PostgreSQL is configured (DATABASE_URL unset); CI always sets it.
 */
describe.skipIf(!BACKENDS.includes('postgres'))('PostgreSQL (DATABASE_URL)', () => hostileInputSuite('postgres'));
