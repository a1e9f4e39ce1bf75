import { AppError, type AppErrorCode } from "@account360/core";

interface DriverError {
  code: string;
  constraint: string | null;
  /** The server's own message (never drizzle's wrapper, which appends the parameters). */
  message: string | null;
}

/** The PostgreSQL error under drizzle's wrapper: postgres.js names the constraint `constraint_name`, PGlite `constraint`. */
function driverErrorOf(error: unknown): DriverError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      const message = (candidate as { message?: unknown }).message;
      return {
        code: candidate.code,
        constraint: typeof constraint === "string" ? constraint : null,
        message: typeof message === "string" ? message : null,
      };
    }
    current = candidate.cause;
  }
  return null;
}

interface Refusal {
  code: AppErrorCode;
  message: string;
  field: string;
  fieldMessage: string;
}

const missingCustomer: Refusal = {
  code: "NOT_FOUND",
  message: "No customer has this customerInternalId.",
  field: "customerInternalId",
  fieldMessage: "customerInternalId does not name an existing customer",
};

/** Field names are relative to the action's Data section; the use case places them. */
const byConstraint: Record<string, Refusal> = {
  customer_unique_ids_unique_id_pk: {
    code: "CONFLICT",
    message: "Another customer already has this UniqueID.",
    field: "UniqueID",
    fieldMessage: "UniqueID belongs to another customer",
  },
  addresses_customer_fingerprint_key: {
    code: "CONFLICT",
    message: "The customer already has an identical address.",
    field: "addressIdentifier",
    fieldMessage: "the customer already has an identical address",
  },
  representatives_triple_key: {
    code: "CONFLICT",
    message: "The customer already has this representative with this relation type.",
    field: "accountRelationType",
    fieldMessage: "the customer already has this representative with this relation type",
  },
  application_keys_source_external_id_pk: {
    code: "CONFLICT",
    message: "Another application already has this source and externalId.",
    field: "externalId",
    fieldMessage: "another application already has this source and externalId",
  },
  agreements_customer_external_id_key: {
    code: "CONFLICT",
    message: "Another agreement of the customer already has this externalId.",
    field: "externalId",
    fieldMessage: "another agreement of the customer already has this externalId",
  },
  agreements_customer_fingerprint_key: {
    code: "CONFLICT",
    message: "The customer already has an identical agreement.",
    field: "AgreementId",
    fieldMessage: "the customer already has an identical agreement",
  },
  addresses_customer_id_customers_id_fk: missingCustomer,
  agreements_customer_id_customers_id_fk: missingCustomer,
  applications_customer_id_customers_id_fk: missingCustomer,
  representatives_customer_id_customers_id_fk: missingCustomer,
  group_members_group_customer_key: {
    code: "CONFLICT",
    message: "The customer is already a member of this group.",
    field: "customerInternalId",
    fieldMessage: "the customer is already a member of this group",
  },
  group_members_customer_id_customers_id_fk: missingCustomer,
  group_members_not_self: {
    code: "BAD_REQUEST",
    message: "A group cannot be a member of itself.",
    field: "customerInternalId",
    fieldMessage: "customerInternalId must be another customer than groupInternalId",
  },
  group_members_dates: {
    code: "BAD_REQUEST",
    message: "endDate is before startDate.",
    field: "endDate",
    fieldMessage: "endDate must not be before startDate",
  },
  representatives_not_self: {
    code: "BAD_REQUEST",
    message: "A customer cannot be its own representative.",
    field: "customerRepresentativeNo",
    fieldMessage: "customerRepresentativeNo must be another customer than customerInternalId",
  },
};

const bySqlState: Record<string, { code: AppErrorCode; message: string }> = {
  "23505": { code: "CONFLICT", message: "The record conflicts with an existing one." },
  "23503": { code: "NOT_FOUND", message: "A record the request refers to does not exist." },
  "23514": { code: "BAD_REQUEST", message: "The request breaks a rule of the stored data." },
};

/**
 * A deadlock (40P01) or a serialization failure (40001): the server rolled the statement or the
 * transaction back whole, so running it again is safe and usually succeeds.
 */
export function wasRolledBack(error: unknown): boolean {
  const code = driverErrorOf(error)?.code;
  return code === "40P01" || code === "40001";
}

/** SQLSTATEs that say the server or the connection went away, not that the statement was wrong. */
const CONNECTION_STATES = /^(08...|57P0[123]|53300)$/;
/** postgres.js's and Node's own codes for a connection that is gone or never came. */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/** True when the failure is the connection's, not the statement's: the database may answer again shortly. */
export function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || CONNECTION_STATES.test(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** CONTRACT §3's 503: the database cannot be reached right now; nothing was written. */
function unavailable(error: unknown): AppError {
  const appError = new AppError("UNAVAILABLE", "The database cannot be reached right now; retry shortly.");
  appError.cause = logSafe(error, "connection");
  return appError;
}

/**
 * What of a driver error may be logged: the statement's name, the SQLSTATE and the server's
 * message, never the statement's parameters or the error's detail (both may hold customer data).
 */
function logSafe(error: unknown, statement: string): Error {
  const driver = driverErrorOf(error);
  const code = driver?.code ?? (error as { code?: unknown } | null)?.code;
  const safe = new Error(driver?.message ?? (typeof code === "string" ? code : "the database failed"));
  safe.name = "DatabaseError";
  Object.assign(safe, { statement, code });
  return safe;
}

/**
 * Turns whatever a query threw into an AppError: the ones the data's rules explain (uniqueness,
 * references) become 409/404/400 naming the field; a lost connection a 503; anything else a 500
 * whose `cause` (for the log only) names the statement without its parameters.
 */
export function toAppError(error: unknown, statement = "query"): AppError {
  if (error instanceof AppError) return error;
  if (isConnectionFailure(error)) return unavailable(error);
  const driver = driverErrorOf(error);
  const known = driver?.constraint ? byConstraint[driver.constraint] : undefined;
  let appError: AppError;
  if (known) {
    appError = new AppError(known.code, known.message, [{ field: known.field, message: known.fieldMessage }]);
  } else {
    const general = driver ? bySqlState[driver.code] : undefined;
    appError = general
      ? new AppError(general.code, general.message)
      : new AppError("INTERNAL", "The database could not complete the request.");
  }
  appError.cause = logSafe(error, statement);
  return appError;
}

/** Runs a query, answering any failure as an AppError. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}
