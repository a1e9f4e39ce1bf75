import { AppError, type AppErrorCode } from "@account360/core";

interface DriverError {
  code: string;
  constraint: string | null;
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
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : null };
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
  customers_unique_id_key: {
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
  applications_source_external_id_key: {
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
  representatives_representative_id_customers_id_fk: {
    code: "NOT_FOUND",
    message: "No customer has the customerInternalId given as customerRepresentativeNo.",
    field: "customerRepresentativeNo",
    fieldMessage: "customerRepresentativeNo does not name an existing customer",
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
 * Turns whatever a query threw into an AppError: the ones the data's rules explain (uniqueness,
 * references) become 409/404/400 naming the field; anything else a 500 that keeps the driver
 * error as `cause` for the log only.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
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
  appError.cause = error;
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
