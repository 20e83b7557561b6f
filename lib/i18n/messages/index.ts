import type { Locale, Messages } from '../config';
import en from './en';
import fr from './fr';

/** Every catalog, by locale: for the server's request config, the command line and the tests (never the browser). */
export const MESSAGES: Record<Locale, Messages> = { fr, en };
