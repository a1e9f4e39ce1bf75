import type { z } from "zod";
import type { AuditStamp, LegalEntityFields, WriteStore, WriteTransaction } from "../ports/write-store";
import { emailAddress, phoneNumberIn } from "../rules/contact";
import { optional, required } from "../rules/field";
import {
  accountType,
  emailAddressType,
  GROUP_ACCOUNT_TYPE,
  industry,
  phoneNumberType,
} from "../rules/option-sets";
import { optionalId } from "../rules/system-id";
import { text, uniqueId } from "../rules/text";
import { fields } from "../rules/validation";
import type { Settings } from "../settings";
import { upsertAccount } from "../use-cases/customer-accounts";
import { conflict, fieldsOf, merge, type Patch, saveChanges } from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeResult } from "./write-result";

export const addUpdateLegalEntityCustomerAction = "FTOS_ACC_CB_AddUpdateLegalEntityCustomer";

const registrationNumber = text(50);

/**
 * `registrationNo` is another spelling of `registrationNumber` (FintechOS's own page uses both):
 * either is accepted, and both only when they agree.
 */
export const legalEntityCustomerInput = ({ phoneRegion }: Pick<Settings, "phoneRegion">) =>
  fields("Data", {
    CustomerInfo: fields("CustomerInfo", {
      customerInternalId: optionalId("customerInternalId"),
      name: required("name", text(200)),
      email: optional("email", emailAddress),
      mobilePhone: optional("mobilePhone", phoneNumberIn(phoneRegion)),
      UniqueID: required("UniqueID", uniqueId),
      industry: optional("industry", industry),
      registrationNumber: optional("registrationNumber", registrationNumber),
      registrationNo: optional("registrationNo", registrationNumber),
      emailAddressType: optional("emailAddressType", emailAddressType),
      phoneNumberType: optional("phoneNumberType", phoneNumberType),
      accountType: required("accountType", accountType),
    })
      .superRefine((info, ctx) => {
        const { registrationNumber: number, registrationNo: no } = info;
        if (number !== undefined && no !== undefined && number !== no) {
          ctx.addIssue({
            code: "custom",
            path: ["registrationNo"],
            message:
              "registrationNo and registrationNumber are one field; send one of them, or the same value",
          });
        }
      })
      .transform(({ registrationNo, ...info }) => ({
        ...info,
        registrationNumber: info.registrationNumber !== undefined ? info.registrationNumber : registrationNo,
      })),
  });
export type LegalEntityCustomerInput = z.output<ReturnType<typeof legalEntityCustomerInput>>;

export const legalEntityCustomerResult = writeResult("customerInternalId");
export type LegalEntityCustomerResult = z.output<typeof legalEntityCustomerResult>;

/**
 * A group with members stays a group, and an account that is a member of a group cannot become
 * one: a group is never a member (CONTRACT §8).
 */
async function refuseGroupChange(tx: WriteTransaction, id: string, from: string, to: string): Promise<void> {
  if ((from === GROUP_ACCOUNT_TYPE) === (to === GROUP_ACCOUNT_TYPE)) return;
  const { asGroup, asMember } = await tx.membershipCounts(id);
  if (from === GROUP_ACCOUNT_TYPE && asGroup > 0) {
    throw conflict(
      "accountType",
      `Group ${id} has members; it stays of accountType Group while it has any.`,
      "a group with members must stay of accountType Group",
    );
  }
  if (to === GROUP_ACCOUNT_TYPE && asMember > 0) {
    throw conflict(
      "accountType",
      `Customer ${id} is a member of a group, and a group cannot be a member of one.`,
      "a member of a group cannot become a group",
    );
  }
}

/**
 * FTOS_ACC_CB_AddUpdateLegalEntityCustomer: the legal entity named by customerInternalId (404
 * when unknown, 400 when it is an individual), else the one holding the UniqueID, else a new one.
 * Individuals and legal entities share one UniqueID namespace: a UniqueID held by either kind is
 * a 409 for another customer, which the database's key table of UniqueIDs decides.
 */
export async function upsertLegalEntityCustomer(
  store: WriteStore,
  actor: Actor,
  input: LegalEntityCustomerInput,
): Promise<LegalEntityCustomerResult> {
  const { customerInternalId, ...sent } = input.CustomerInfo;
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateLegalEntityCustomerAction };
  const patch: Patch<LegalEntityFields> = sent;
  const update = async (tx: WriteTransaction, stored: LegalEntityFields & { id: string }) => {
    const next = merge(fieldsOf(stored), patch);
    await refuseGroupChange(tx, stored.id, stored.accountType, next.accountType);
    return saveChanges(tx, "legalEntity", stored, next, stamp);
  };
  return upsertAccount(store, {
    entity: "legalEntity",
    customerInternalId,
    fields: {
      ...sent,
      email: sent.email ?? null,
      mobilePhone: sent.mobilePhone ?? null,
      emailAddressType: sent.emailAddressType ?? null,
      phoneNumberType: sent.phoneNumberType ?? null,
      industry: sent.industry ?? null,
      registrationNumber: sent.registrationNumber ?? null,
    },
    stamp,
    update,
  });
}

export const addUpdateLegalEntityCustomer = (settings: Pick<Settings, "phoneRegion">) =>
  defineWriteAction({
    name: addUpdateLegalEntityCustomerAction,
    legacyNames: ["FTOS_CB_AddUpdateLegalEntityCustomer"],
    procedure: "customers.upsertLegalEntity",
    title: "Customer",
    summary:
      "Creates or updates a legal entity customer (a company, sole trader, public institution, non-profit or group), found by customerInternalId, else by UniqueID.",
    input: legalEntityCustomerInput(settings),
    output: legalEntityCustomerResult,
    upsert: upsertLegalEntityCustomer,
  });
