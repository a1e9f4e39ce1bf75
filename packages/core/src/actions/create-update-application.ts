import { z } from "zod";
import type { ApplicationFields, AuditStamp, WriteStore } from "../ports/write-store";
import { businessStatus, httpUrl } from "../rules/application";
import { optional, optionalNumeric, required } from "../rules/field";
import { amount, currency } from "../rules/money";
import { requiredId } from "../rules/system-id";
import { text } from "../rules/text";
import { fields } from "../rules/validation";
import {
  badRequest,
  conflict,
  createOrUpdateExisting,
  fieldsOf,
  merge,
  saveChanges,
} from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeOperation } from "./write-result";

export const createUpdateApplicationAction = "FTOS_ACC_CreateUpdateApplication";

const label = text(100);

export const applicationInput = fields("Data", {
  customerInternalId: requiredId("customerInternalId"),
  url: required("url", httpUrl),
  name: required("name", label),
  bankingProduct: required("bankingProduct", label),
  source: required("source", label),
  businessStatus: required("businessStatus", businessStatus),
  externalId: required("externalId", label),
  amount: optionalNumeric("amount", amount),
  currency: optional("currency", currency),
});
export type ApplicationInput = z.output<typeof applicationInput>;

export const applicationResult = z.object({
  applicationId: z.string(),
  externalId: z.string(),
  operation: writeOperation,
});
export type ApplicationResult = z.output<typeof applicationResult>;

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

export const createUpdateApplication = defineWriteAction({
  name: createUpdateApplicationAction,
  procedure: "applications.upsert",
  title: "Application",
  summary: "Creates or updates a product application, found by (source, externalId).",
  input: applicationInput,
  output: applicationResult,
  upsert: upsertApplication,
});
