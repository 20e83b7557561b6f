/**
 * A path to send the user back to after sign-in or a language switch: only a local
 * absolute path, never another site (no open redirect). Characters outside printable
 * ASCII are percent-encoded: a Location header cannot carry them (Node throws, a 500).
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    // encodeURIComponent throws on a lone surrogate: no path to go back to.
    return value.replace(/[^\u0021-\u007e]+/g, (chars) => encodeURIComponent(chars));
  } catch {
    return fallback;
  }
}
