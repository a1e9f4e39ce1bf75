import type { z } from "zod";
import type { AddressFields, AuditStamp, WriteStore } from "../ports/write-store";
import { country, postalCode } from "../rules/address";
import { optional, required } from "../rules/field";
import { addressType } from "../rules/option-sets";
import { optionalId } from "../rules/system-id";
import { text } from "../rules/text";
import { fields } from "../rules/validation";
import { namedRecord } from "../use-cases/named-record";
import {
  createOrUpdateExisting,
  fieldsOf,
  merge,
  saveChanges,
  withinSection,
} from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeResult } from "./write-result";

export const addUpdateCustomerAddressAction = "FTOS_ACC_CB_AddUpdateCustomerAddress";

const place = text(100);
const number = text(20);

export const customerAddressInput = fields("Data", {
  AddressInfo: fields("AddressInfo", {
    addressIdentifier: optionalId("addressIdentifier"),
    customerInternalId: optionalId("customerInternalId"),
    addressType: required("addressType", addressType),
    country: required("country", country),
    district: required("district", place),
    city: required("city", place),
    streetName: required("streetName", place),
    streetNo: required("streetNo", number),
    buildingNo: optional("buildingNo", number),
    floorNo: optional("floorNo", number),
    apartmentNo: optional("apartmentNo", number),
    postalCode: required("postalCode", postalCode),
  }),
});
export type CustomerAddressInput = z.output<typeof customerAddressInput>;

export const customerAddressResult = writeResult("addressIdentifier");
export type CustomerAddressResult = z.output<typeof customerAddressResult>;

const address = namedRecord("address", "address", "addressIdentifier");

/**
 * FTOS_ACC_CB_AddUpdateCustomerAddress: the address named by addressIdentifier (404 when
 * unknown, 409 when it belongs to another customer than the one sent) is updated; without one,
 * an identical address of the customer is `unchanged`, and anything else is a new address of the
 * customer, who must then be named and exist.
 */
export async function upsertCustomerAddress(
  store: WriteStore,
  actor: Actor,
  input: CustomerAddressInput,
): Promise<CustomerAddressResult> {
  const { addressIdentifier, customerInternalId, ...sent } = input.AddressInfo;
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateCustomerAddressAction };

  return withinSection("AddressInfo", async () => {
    if (addressIdentifier) {
      return store.transaction(async (tx) => {
        const stored = await address.lock(tx, addressIdentifier, customerInternalId);
        const operation = await saveChanges(tx, "address", stored, merge(fieldsOf(stored), sent), stamp);
        return { addressIdentifier, operation };
      });
    }
    if (!customerInternalId) throw address.requiredToAdd("customerInternalId");
    const fields: AddressFields = {
      customerInternalId,
      ...sent,
      buildingNo: sent.buildingNo ?? null,
      floorNo: sent.floorNo ?? null,
      apartmentNo: sent.apartmentNo ?? null,
    };
    return createOrUpdateExisting<"address", CustomerAddressResult>(store, "address", fields, stamp, {
      created: (id) => ({ addressIdentifier: id, operation: "created" }),
      existing: async (_tx, stored) => ({ addressIdentifier: stored.id, operation: "unchanged" }),
    });
  });
}

export const addUpdateCustomerAddress = defineWriteAction({
  name: addUpdateCustomerAddressAction,
  legacyNames: ["FTOS_CB_AddUpdateCustomerAddress"],
  procedure: "addresses.upsert",
  title: "Address",
  summary: "Creates or updates a customer's address, found by addressIdentifier, else by identical fields.",
  input: customerAddressInput,
  output: customerAddressResult,
  upsert: upsertCustomerAddress,
});
