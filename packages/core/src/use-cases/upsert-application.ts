import {
  type ApplicationInput,
  type ApplicationResult,
  createUpdateApplicationAction,
} from "../actions/create-update-application";
import type { ApplicationFields, AuditStamp, WriteStore } from "../ports/write-store";
import {
  type Actor,
  badRequest,
  conflict,
  createOrUpdateExisting,
  fieldsOf,
  merge,
  saveChanges,
} from "./record-changes";

/** An amount means nothing without its currency, and widgets never add up amounts of unknown currency. */
function requireCurrencyWithAmount(fields: ApplicationFields): void {
  if (fields.amount !== null && fields.currency === null) {
    throw badRequest(
      "currency",
      "currency is required when the application has an amount.",
      "currency is required when amount is set",
    );
  }
}

/**
 * FTOS_ACC_CreateUpdateApplication: an application is identified by (source, externalId); the
 * same pair under another customer is a 409. The customer must exist (404).
 */
export async function upsertApplication(
  store: WriteStore,
  actor: Actor,
  input: ApplicationInput,
): Promise<ApplicationResult> {
  const stamp: AuditStamp = { userName: actor.userName, action: createUpdateApplicationAction };
  const fields: ApplicationFields = {
    ...input,
    amount: input.amount ?? null,
    currency: input.currency ?? null,
  };
  requireCurrencyWithAmount(fields);
  const { externalId } = input;

  return createOrUpdateExisting<"application", ApplicationResult>(store, "application", fields, stamp, {
    created: (id) => ({ applicationId: id, externalId, operation: "created" }),
    existing: async (tx, stored) => {
      if (stored.customerInternalId !== input.customerInternalId) {
        throw conflict(
          "externalId",
          `An application with source "${input.source}" and externalId "${externalId}" belongs to another customer.`,
        );
      }
      const next = merge(fieldsOf(stored), input);
      requireCurrencyWithAmount(next);
      const operation = await saveChanges(tx, "application", stored, next, stamp);
      return { applicationId: stored.id, externalId, operation };
    },
  });
}
