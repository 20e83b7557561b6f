/**
 * Typed failures of commands. Each code has a translated message under `errors.<code>`
 * in the catalogs, and an HTTP status for route handlers.
 */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 422,
  not_found: 404,
  'conflict:duplicate': 409,
  'conflict:stale_version': 409,
  'conflict:state': 409,
  'conflict:email_taken': 409,
  'conflict:self_lockout': 409,
  'conflict:role_already_granted': 409,
  'conflict:role_not_granted': 409,
  'conflict:wrong_password': 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
/**
 * The message on one field: a catalog key, or a key with the values its text names
 * (`{ key: 'validation.too_long', params: { max: 2000 } }` → "2 000 caractères au maximum").
 */
export type FieldError = string | { key: string; params: Record<string, string | number> };
/** Field path → its message. */
export type FieldErrors = Record<string, FieldError>;

/** The catalog key of a field message, whatever its shape. */
export function fieldErrorKey(error: FieldError): string {
  return typeof error === 'string' ? error : error.key;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** Postgres unique violation, as drizzle 0.45 wraps it (the driver error is the cause). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
