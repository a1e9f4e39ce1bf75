import {
  addUpdateCustomerAddressAction,
  type CustomerAddressInput,
  type CustomerAddressResult,
} from "../actions/add-update-customer-address";
import type { AddressFields, AuditStamp, WriteStore } from "../ports/write-store";
import {
  type Actor,
  badRequest,
  conflict,
  createOrUpdateExisting,
  fieldsOf,
  merge,
  notFound,
  saveChanges,
  withinSection,
} from "./record-changes";

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
        const stored = await tx.lock("address", { id: addressIdentifier });
        if (!stored) {
          throw notFound("addressIdentifier", `No address has addressIdentifier ${addressIdentifier}.`);
        }
        if (customerInternalId && customerInternalId !== stored.customerInternalId) {
          throw conflict(
            "addressIdentifier",
            `Address ${addressIdentifier} belongs to another customer than ${customerInternalId}.`,
          );
        }
        const operation = await saveChanges(tx, "address", stored, merge(fieldsOf(stored), sent), stamp);
        return { addressIdentifier, operation };
      });
    }
    if (!customerInternalId) {
      throw badRequest(
        "customerInternalId",
        "customerInternalId is required to add an address (send addressIdentifier to update one).",
        "customerInternalId is required when addressIdentifier is not sent",
      );
    }
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
