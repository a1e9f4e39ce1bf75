import type { z } from "zod";
import type { AuditStamp, CustomerFields, WriteStore } from "../ports/write-store";
import { emailAddress, phoneNumberIn } from "../rules/contact";
import { optional, required } from "../rules/field";
import { emailAddressType, phoneNumberType } from "../rules/option-sets";
import { optionalId } from "../rules/system-id";
import { personName, uniqueId } from "../rules/text";
import { fields } from "../rules/validation";
import type { Settings } from "../settings";
import { upsertAccount } from "../use-cases/customer-accounts";
import { fieldsOf, merge, type Patch, saveChanges } from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeResult } from "./write-result";

export const addUpdateIndividualCustomerAction = "FTOS_ACC_CB_AddUpdateIndividualCustomer";

/** The schema reads national phone numbers in the configured region, so it is built from the settings. */
export const individualCustomerInput = ({ phoneRegion }: Pick<Settings, "phoneRegion">) =>
  fields("Data", {
    CustomerInfo: fields("CustomerInfo", {
      customerInternalId: optionalId("customerInternalId"),
      firstName: required("firstName", personName),
      lastName: required("lastName", personName),
      emailAddressType: optional("emailAddressType", emailAddressType),
      phoneNumberType: optional("phoneNumberType", phoneNumberType),
      UniqueID: required("UniqueID", uniqueId),
      email: required("email", emailAddress),
      mobilePhone: required("mobilePhone", phoneNumberIn(phoneRegion)),
    }),
  });
export type IndividualCustomerInput = z.output<ReturnType<typeof individualCustomerInput>>;

export const individualCustomerResult = writeResult("customerInternalId");
export type IndividualCustomerResult = z.output<typeof individualCustomerResult>;

/**
 * FTOS_ACC_CB_AddUpdateIndividualCustomer: the customer is the one named by customerInternalId
 * (404 when unknown, 400 when it is a legal entity), else the one holding the UniqueID, else a new
 * one. Moving a customer to a UniqueID another customer of either kind holds is a 409, which the
 * database's key table of UniqueIDs decides.
 */
export async function upsertIndividualCustomer(
  store: WriteStore,
  actor: Actor,
  input: IndividualCustomerInput,
): Promise<IndividualCustomerResult> {
  const { customerInternalId, ...sent } = input.CustomerInfo;
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateIndividualCustomerAction };
  const patch: Patch<CustomerFields> = sent;
  return upsertAccount(store, {
    entity: "customer",
    customerInternalId,
    fields: {
      ...sent,
      emailAddressType: sent.emailAddressType ?? null,
      phoneNumberType: sent.phoneNumberType ?? null,
    },
    stamp,
    update: (tx, stored) => saveChanges(tx, "customer", stored, merge(fieldsOf(stored), patch), stamp),
  });
}

export const addUpdateIndividualCustomer = (settings: Pick<Settings, "phoneRegion">) =>
  defineWriteAction({
    name: addUpdateIndividualCustomerAction,
    legacyNames: ["FTOS_CB_AddUpdateIndividualCustomer"],
    procedure: "customers.upsertIndividual",
    title: "Customer",
    summary: "Creates or updates an individual customer, found by customerInternalId, else by UniqueID.",
    input: individualCustomerInput(settings),
    output: individualCustomerResult,
    upsert: upsertIndividualCustomer,
  });
