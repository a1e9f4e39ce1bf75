import {
  addUpdateIndividualCustomerAction,
  type IndividualCustomerInput,
  type IndividualCustomerResult,
} from "../actions/add-update-individual-customer";
import type { AuditStamp, CustomerFields, WriteStore } from "../ports/write-store";
import {
  type Actor,
  createOrUpdateExisting,
  fieldsOf,
  merge,
  notFound,
  type Patch,
  saveChanges,
  withinSection,
} from "./record-changes";

/**
 * FTOS_ACC_CB_AddUpdateIndividualCustomer: the customer is the one named by customerInternalId
 * (404 when unknown), else the one holding the UniqueID, else a new one. Moving a customer to a
 * UniqueID another customer holds is a 409, which the database's unique index decides.
 */
export async function upsertIndividualCustomer(
  store: WriteStore,
  actor: Actor,
  input: IndividualCustomerInput,
): Promise<IndividualCustomerResult> {
  const { customerInternalId, ...sent } = input.CustomerInfo;
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateIndividualCustomerAction };
  const patch: Patch<CustomerFields> = sent;

  return withinSection("CustomerInfo", async () => {
    if (customerInternalId) {
      return store.transaction(async (tx) => {
        const stored = await tx.lock("customer", { id: customerInternalId });
        if (!stored) {
          throw notFound("customerInternalId", `No customer has customerInternalId ${customerInternalId}.`);
        }
        const operation = await saveChanges(tx, "customer", stored, merge(fieldsOf(stored), patch), stamp);
        return { customerInternalId, operation };
      });
    }
    const fields: CustomerFields = {
      ...sent,
      emailAddressType: sent.emailAddressType ?? null,
      phoneNumberType: sent.phoneNumberType ?? null,
    };
    return createOrUpdateExisting<"customer", IndividualCustomerResult>(store, "customer", fields, stamp, {
      created: (id) => ({ customerInternalId: id, operation: "created" }),
      existing: async (tx, stored) => ({
        customerInternalId: stored.id,
        operation: await saveChanges(tx, "customer", stored, merge(fieldsOf(stored), patch), stamp),
      }),
    });
  });
}
