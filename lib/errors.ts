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
  'conflict:sso_already_linked': 409,
  /** Too many wrong passwords for this account or from this address: wait, then retry. */
  'conflict:too_many_attempts': 429,
  internal: 500,
  /** A malformed query string (open data): the request itself is wrong. */
  'invalid:query': 400,
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

/** The SQLSTATE of a database error, as drizzle 0.45 wraps it (the driver error is the cause). */
function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Postgres unique violation (23505). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}

/**
 * A refusal by the database's own rules: a check constraint or a trigger raising
 * check_violation (23514), or a trigger's plain RAISE EXCEPTION (P0001). The record is
 * not in a state that allows the change: a conflict, never an internal error.
 */
export function isDatabaseRuleRefusal(err: unknown): boolean {
  const code = sqlState(err);
  return code === '23514' || code === 'P0001';
}

/**
 * The HTTP answer to a failure, for every route handler: the status of its code and a
 * JSON body `{ error: { code, message, fieldErrors } }` (message already translated by
 * the caller, who knows the reader's language).
 */
export function errorResponse(code: ErrorCode, { message, fieldErrors = {} }: { message?: string; fieldErrors?: FieldErrors } = {}): Response {
  return Response.json(
    { error: { code, ...(message === undefined ? {} : { message }), fieldErrors } },
    { status: ERROR_STATUS[code], headers: { 'Cache-Control': 'no-store' } },
  );
}
