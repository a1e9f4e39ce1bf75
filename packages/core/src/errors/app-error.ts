/** What went wrong, independent of the transport; each transport maps it once to its own status. */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "UNAVAILABLE"
  | "INTERNAL";

/** One invalid field: `field` is a dotted path (`CustomerInfo.email`, `rows.3.amount`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The one error type use cases throw. The message is a readable sentence safe to show a caller. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldError[];

  constructor(code: AppErrorCode, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export const httpStatusOf: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
