import type { z } from "zod";
import type { AgreementFields, AuditStamp, WriteStore, WriteTransaction } from "../ports/write-store";
import { isoDate } from "../rules/dates";
import { optional, required } from "../rules/field";
import { optionalId, requiredId } from "../rules/system-id";
import { text } from "../rules/text";
import { fields } from "../rules/validation";
import { namedRecord, requireEndAfterStart } from "../use-cases/named-record";
import { createOrUpdateExisting, fieldsOf, merge, notFound, saveChanges } from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeResult } from "./write-result";

export const addUpdateCustomerAgreementAction = "FTOS_ACC_AddUpdateCustomerAgreement";

const label = text(100);

export const customerAgreementInput = fields("Data", {
  customerInternalId: requiredId("customerInternalId"),
  agreementType: required("agreementType", label),
  startDate: required("startDate", isoDate),
  endDate: optional("endDate", isoDate),
  sourceId: required("sourceId", label),
  contractNo: optional("contractNo", label),
  AgreementId: optionalId("AgreementId"),
  externalId: optional("externalId", label),
});
export type CustomerAgreementInput = z.output<typeof customerAgreementInput>;

export const customerAgreementResult = writeResult("AgreementId");
export type CustomerAgreementResult = z.output<typeof customerAgreementResult>;

const agreement = namedRecord("agreement", "agreement", "AgreementId");

async function requireCustomerAndContract(tx: WriteTransaction, fields: AgreementFields): Promise<void> {
  if (!(await tx.customerExists(fields.customerInternalId))) {
    throw notFound("customerInternalId", `No customer has customerInternalId ${fields.customerInternalId}.`);
  }
  await requireContract(tx, fields);
}

async function requireContract(tx: WriteTransaction, fields: AgreementFields): Promise<void> {
  if (
    fields.contractNo !== null &&
    !(await tx.isContractOfCustomer(fields.customerInternalId, fields.contractNo))
  ) {
    throw notFound(
      "contractNo",
      `Customer ${fields.customerInternalId} has no contract ${fields.contractNo}.`,
      "contractNo must be a contract of the customer",
    );
  }
}

/**
 * FTOS_ACC_AddUpdateCustomerAgreement: the agreement named by AgreementId (404 when unknown, 409
 * when it belongs to another customer), else the customer's agreement with that externalId, else
 * an identical agreement (`unchanged`), else a new one. A contractNo must be a contract of the
 * customer (404); endDate, which ends or withdraws the agreement, must not precede startDate (400).
 */
export async function upsertCustomerAgreement(
  store: WriteStore,
  actor: Actor,
  input: CustomerAgreementInput,
): Promise<CustomerAgreementResult> {
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateCustomerAgreementAction };
  const { AgreementId, ...sent } = input;
  requireEndAfterStart(sent);

  const update = async (tx: WriteTransaction, stored: AgreementFields & { id: string }) => {
    const next = merge(fieldsOf(stored), sent);
    requireEndAfterStart(next);
    if (sent.contractNo) await requireContract(tx, next);
    return { AgreementId: stored.id, operation: await saveChanges(tx, "agreement", stored, next, stamp) };
  };

  if (AgreementId) {
    return store.transaction(async (tx) =>
      update(tx, await agreement.lock(tx, AgreementId, sent.customerInternalId)),
    );
  }
  const fields: AgreementFields = {
    ...sent,
    endDate: sent.endDate ?? null,
    contractNo: sent.contractNo ?? null,
    externalId: sent.externalId ?? null,
  };
  return createOrUpdateExisting<"agreement", CustomerAgreementResult>(store, "agreement", fields, stamp, {
    created: (id) => ({ AgreementId: id, operation: "created" }),
    existing: update,
    absent: (tx) => requireCustomerAndContract(tx, fields),
  });
}

export const addUpdateCustomerAgreement = defineWriteAction({
  name: addUpdateCustomerAgreementAction,
  procedure: "agreements.upsert",
  title: "Agreement",
  summary:
    "Creates or updates a customer agreement (consents among them), found by AgreementId, else by externalId.",
  input: customerAgreementInput,
  output: customerAgreementResult,
  upsert: upsertCustomerAgreement,
});
