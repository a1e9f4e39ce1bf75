import type { Logger } from "pino";

/**
 * What of a driver error may be logged: the SQLSTATE and where it arose. Left out on purpose are
 * `params`/`parameters`/`args` (the statement's values), `detail` (PostgreSQL spells the
 * offending values there: `Key (unique_id)=(…) already exists`), `where` and `internalQuery`.
 */
const SAFE_FIELDS = [
  "code",
  "severity",
  "constraint",
  "constraint_name",
  "table",
  "table_name",
  "column",
  "column_name",
  "schema",
  "schema_name",
  "routine",
] as const;

const MAX_CAUSES = 8;

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: LoggedError;
  [field: string]: unknown;
}

/**
 * The message without the values it may carry: drizzle appends `params: <every value>` to its
 * message, and PostgreSQL quotes the rejected value in data exceptions (SQLSTATE class 22, such
 * as `invalid input syntax for type uuid: "…"`).
 */
function scrubbed(message: string, code: unknown): string {
  let text = message.replace(/\nparams: [\s\S]*$/, "");
  if (typeof code === "string" && code.startsWith("22")) text = text.replace(/"[^"]*"/g, '"…"');
  return text;
}

/**
 * The pino `err` serializer: type, message, stack and the safe fields of the error and each of its
 * causes, so the log under a 500's request id still says which statement failed and with which
 * SQLSTATE, but never the values the statement was given (they may be customer data, or a
 * password typed into the username field).
 */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== "object" || error === null) {
    return { type: typeof error, message: String(error).slice(0, 200) };
  }
  const source = error as Record<string, unknown> & { name?: unknown; message?: unknown; stack?: unknown };
  const type = typeof source.name === "string" ? source.name : (source.constructor?.name ?? "Object");
  const raw = typeof source.message === "string" ? source.message : "";
  const message = scrubbed(raw, source.code);
  const logged: LoggedError = { type, message };
  for (const field of SAFE_FIELDS) {
    const value = source[field];
    if (typeof value === "string" || typeof value === "number") logged[field] = value;
  }
  if (typeof source.stack === "string") {
    // The stack repeats the message; keep only the frames under the scrubbed one.
    const frames = source.stack.split("\n").filter((line) => /^\s+at /.test(line));
    logged.stack = [`${type}: ${message}`, ...frames].join("\n");
  }
  if (source.cause !== undefined && source.cause !== error && depth < MAX_CAUSES) {
    logged.cause = serializeError(source.cause, depth + 1);
  }
  return logged;
}

/** The logger every request logs through: errors go through `serializeError`, whoever built it. */
export function withSafeErrors(logger: Logger): Logger {
  return logger.child({}, { serializers: { err: (error: unknown) => serializeError(error) } });
}
