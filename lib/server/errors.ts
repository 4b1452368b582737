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
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  DUPLICATE_EDGE: 409,
  ID_TAKEN: 409,
  DELETED: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
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

/** The JSON body and status for any thrown value; unknown errors become a 500 without internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
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
