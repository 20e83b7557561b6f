import { hostileInputSuite } from './support/hostile-suite';

/** Hostile input against every command on the embedded database (the suite: tests/support/hostile-suite.ts). */
hostileInputSuite('embedded');
