import { UNSTORABLE_MESSAGE } from '../domain/storable';

/**
 * The one error type use cases throw on purpose. Codes map to HTTP statuses
 * in one place (httpStatusOf); route handlers render them as
 * `{ "error": { "code": "...", "message": "..." } }`.
 */

const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NEEDS_APPROVAL: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANNOT_APPLY: 409,
  STALE_VERSION: 409,
  DUPLICATE_EDGE: 409,
  ID_TAKEN: 409,
  DELETED: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function httpStatusOf(error: AppError): number {
  return ERROR_STATUS[error.code];
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** PostgreSQL's codes for a connection that failed or was cut: class 08, and admin/crash/startup shutdowns. */
const CONNECTION_CODES = /^(08...|57P0[123])$/;
/** Socket errors, Prisma's connection errors, and the driver adapter's kinds for them. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
]);
/** What node-postgres and Prisma say when the connection went away. */
const CONNECTION_MESSAGES =
  /Connection terminated|Client has encountered a connection error|connection is closed|Connection ended unexpectedly|server closed the connection unexpectedly|terminating connection|Can't reach database|ECONNREFUSED|ECONNRESET/i;

/**
 * True when the database could not be reached or the connection was cut
 * (the error, its causes, and the driver adapter error Prisma wraps): the
 * one kind of failure a client should simply send again.
 */
function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  const codes = [e.code, e.kind, e.originalCode].filter((c) => typeof c === 'string');
  if (codes.some((c) => CONNECTION_CODES.test(c) || CONNECTION_ERRORS.has(c))) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  return (
    isConnectionFailure(e.cause, depth + 1) ||
    isConnectionFailure(e.meta?.driverAdapterError, depth + 1)
  );
}

/**
 * PostgreSQL's codes for text it cannot store: a NUL character or an
 * invalid byte sequence (22021), a character with no equivalent in the
 * database's encoding (22P05). Only these: other data exceptions (a bad
 * cast, an overflow) can come from our own SQL and are our fault.
 */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

/**
 * True when PostgreSQL refused a request's text itself: the request was at
 * fault, and its transaction was rolled back.
 */
function isRefusedValue(error: unknown): boolean {
  const cause = (
    error as {
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    }
  )?.meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === 'string' && UNSTORABLE_TEXT_CODES.has(code);
}

/**
 * The AppError a thrown value stands for: a lost database connection is a
 * retryable UNAVAILABLE; a value the database refused is the request's fault.
 */
function asAppError(error: unknown): unknown {
  if (isConnectionFailure(error))
    return new AppError(
      'UNAVAILABLE',
      'The database is not reachable right now. Your change will be sent again in a moment.',
    );
  if (isRefusedValue(error))
    return new AppError('BAD_REQUEST', `The request ${UNSTORABLE_MESSAGE}.`);
  return error;
}

/**
 * The JSON body and status for any thrown value: a lost database connection
 * is 503 UNAVAILABLE (the client resends under the same idempotency key);
 * other unknown errors become a 500 without internals.
 */
export function toErrorResponse(thrown: unknown): { status: number; body: ErrorBody } {
  const error = asAppError(thrown);
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: httpStatusOf(error), body };
  }
  return {
    status: 500,
    body: {
      error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
    },
  };
}
