import type { z } from "zod";
import type { AuditStamp, RepresentativeFields, WriteStore, WriteTransaction } from "../ports/write-store";
import { required } from "../rules/field";
import { accountRelationType } from "../rules/option-sets";
import { optionalId, requiredId } from "../rules/system-id";
import { fields } from "../rules/validation";
import { namedRecord } from "../use-cases/named-record";
import {
  badRequest,
  createOrUpdateExisting,
  notFound,
  saveChanges,
  withinSection,
} from "../use-cases/record-changes";
import type { Actor } from "./action";
import { defineWriteAction } from "./write-action";
import { writeResult } from "./write-result";

export const addUpdateCustomerRepresentativeAction = "FTOS_ACC_CB_AddUpdateCustomerRepresentative";

export const customerRepresentativeInput = fields("Data", {
  CustomerRepresentativeInfo: fields("CustomerRepresentativeInfo", {
    customerInternalId: optionalId("customerInternalId"),
    customerRepresentativeIdentifier: optionalId("customerRepresentativeIdentifier"),
    customerRepresentativeNo: requiredId("customerRepresentativeNo"),
    accountRelationType: required("accountRelationType", accountRelationType),
  }),
});
export type CustomerRepresentativeInput = z.output<typeof customerRepresentativeInput>;

export const customerRepresentativeResult = writeResult("customerRepresentativeIdentifier");
export type CustomerRepresentativeResult = z.output<typeof customerRepresentativeResult>;

const representative = namedRecord(
  "representative",
  "customer representative",
  "customerRepresentativeIdentifier",
);

const representingItself = (customerInternalId: string) =>
  badRequest(
    "customerRepresentativeNo",
    `Customer ${customerInternalId} cannot be its own representative.`,
    "customerRepresentativeNo must be another customer than customerInternalId",
  );

/**
 * FTOS_ACC_CB_AddUpdateCustomerRepresentative: the link named by
 * customerRepresentativeIdentifier is updated (404 when unknown, 409 when it belongs to another
 * customer than the one sent); without one, the (customer, representative, relation type) triple
 * finds it or creates it. The representative is a customer and must exist (404), other than the
 * customer represented (400).
 */
export async function upsertCustomerRepresentative(
  store: WriteStore,
  actor: Actor,
  input: CustomerRepresentativeInput,
): Promise<CustomerRepresentativeResult> {
  const {
    customerInternalId,
    customerRepresentativeIdentifier,
    customerRepresentativeNo,
    accountRelationType,
  } = input.CustomerRepresentativeInfo;
  const stamp: AuditStamp = { userName: actor.userName, action: addUpdateCustomerRepresentativeAction };

  return withinSection("CustomerRepresentativeInfo", async () => {
    if (customerInternalId && customerInternalId === customerRepresentativeNo) {
      throw representingItself(customerInternalId);
    }
    if (customerRepresentativeIdentifier) {
      return store.transaction(async (tx) => {
        const stored = await representative.lock(tx, customerRepresentativeIdentifier, customerInternalId);
        if (customerRepresentativeNo === stored.customerInternalId)
          throw representingItself(stored.customerInternalId);
        const next: RepresentativeFields = {
          customerInternalId: stored.customerInternalId,
          customerRepresentativeNo,
          accountRelationType,
        };
        if (
          next.customerRepresentativeNo !== stored.customerRepresentativeNo &&
          !(await tx.accountOf(next.customerRepresentativeNo))
        )
          throw unknownRepresentative();
        const operation = await saveChanges(tx, "representative", stored, next, stamp);
        return { customerRepresentativeIdentifier, operation };
      });
    }
    if (!customerInternalId) throw representative.requiredToAdd("customerInternalId");
    const fields: RepresentativeFields = {
      customerInternalId,
      customerRepresentativeNo,
      accountRelationType,
    };
    return createOrUpdateExisting<"representative", CustomerRepresentativeResult>(
      store,
      "representative",
      fields,
      stamp,
      {
        created: (id) => ({ customerRepresentativeIdentifier: id, operation: "created" }),
        existing: async (_tx, stored) => ({
          customerRepresentativeIdentifier: stored.id,
          operation: "unchanged",
        }),
        absent: (tx) => requireRepresentative(tx, fields),
      },
    );
  });
}

/**
 * The representative is another customer (another shard once distributed, CONTRACT §11), so no
 * foreign key checks it: the create's insert requires it to exist, and these say why nothing was
 * stored, or refuse a link moved to a customer that does not exist.
 */
const unknownRepresentative = () =>
  notFound(
    "customerRepresentativeNo",
    "No customer has the customerInternalId given as customerRepresentativeNo.",
    "customerRepresentativeNo does not name an existing customer",
  );

async function requireRepresentative(tx: WriteTransaction, fields: RepresentativeFields): Promise<void> {
  if (!(await tx.accountOf(fields.customerInternalId))) {
    // The wording of the customer's foreign key, which still decides when the representative exists.
    throw notFound(
      "customerInternalId",
      "No customer has this customerInternalId.",
      "customerInternalId does not name an existing customer",
    );
  }
  if (!(await tx.accountOf(fields.customerRepresentativeNo))) throw unknownRepresentative();
}

export const addUpdateCustomerRepresentative = defineWriteAction({
  name: addUpdateCustomerRepresentativeAction,
  legacyNames: ["FTOS_CB_AddUpdateCustomerRepresentative"],
  procedure: "representatives.upsert",
  title: "Customer representative",
  summary:
    "Links a customer to its representative (another customer) with a relation type, or updates the link.",
  input: customerRepresentativeInput,
  output: customerRepresentativeResult,
  upsert: upsertCustomerRepresentative,
});
