import type {
  AuditStamp,
  CustomerAccount,
  EntityFields,
  StoredRecord,
  WriteStore,
  WriteTransaction,
} from "../ports/write-store";
import { GROUP_ACCOUNT_TYPE } from "../rules/option-sets";
import { badRequest, conflict, createOrUpdateExisting, notFound, withinSection } from "./record-changes";

/** What an account is called in messages: "an individual customer", "a legal entity", "a group". */
export function accountKindLabel(account: CustomerAccount): string {
  if (account.kind === "individual") return "an individual customer";
  return account.accountType === GROUP_ACCOUNT_TYPE ? "a group" : "a legal entity";
}

export const isGroup = (account: CustomerAccount | null): boolean =>
  account?.kind === "legalEntity" && account.accountType === GROUP_ACCOUNT_TYPE;

const ACTION_OF_KIND = {
  individual: "FTOS_ACC_CB_AddUpdateIndividualCustomer",
  legalEntity: "FTOS_ACC_CB_AddUpdateLegalEntityCustomer",
} as const;

type AccountEntity = "customer" | "legalEntity";

const NOUN_OF_ENTITY: Record<AccountEntity, string> = { customer: "customer", legalEntity: "legal entity" };

/**
 * The account of this kind with the id, locked: a 404 when no customer has the id, a 400 when it
 * is the other kind's (naming the action that updates it).
 */
async function lockAccount<E extends AccountEntity>(
  tx: WriteTransaction,
  entity: E,
  customerInternalId: string,
): Promise<StoredRecord<E>> {
  const stored = await tx.lock(entity, { id: customerInternalId });
  if (stored) return stored;
  const account = await tx.accountOf(customerInternalId);
  if (!account) {
    throw notFound(
      "customerInternalId",
      `No ${NOUN_OF_ENTITY[entity]} has customerInternalId ${customerInternalId}.`,
    );
  }
  throw badRequest(
    "customerInternalId",
    `Customer ${customerInternalId} is ${accountKindLabel(account)}; ${ACTION_OF_KIND[account.kind]} updates it.`,
    `customerInternalId names ${accountKindLabel(account)}`,
  );
}

interface AccountWriteResult {
  customerInternalId: string;
  operation: "created" | "updated" | "unchanged";
}

/**
 * The write of a customer of either kind, under `CustomerInfo`: the account named by
 * customerInternalId (404 when unknown, 400 when it is the other kind), else the one of this kind
 * holding the UniqueID, else a new one with `fields`. `update` writes the request over a stored
 * account. Both kinds share one UniqueID namespace: a UniqueID the other kind holds is a 409.
 */
export function upsertAccount<E extends AccountEntity>(
  store: WriteStore,
  write: {
    entity: E;
    customerInternalId: string | null | undefined;
    fields: EntityFields[E];
    stamp: AuditStamp;
    update: (tx: WriteTransaction, stored: StoredRecord<E>) => Promise<"updated" | "unchanged">;
  },
): Promise<AccountWriteResult> {
  const { entity, customerInternalId, fields, stamp, update } = write;
  return withinSection("CustomerInfo", async () => {
    if (customerInternalId) {
      return store.transaction(async (tx) => ({
        customerInternalId,
        operation: await update(tx, await lockAccount(tx, entity, customerInternalId)),
      }));
    }
    return createOrUpdateExisting<E, AccountWriteResult>(store, entity, fields, stamp, {
      created: (id) => ({ customerInternalId: id, operation: "created" }),
      existing: async (tx, stored) => ({
        customerInternalId: stored.id,
        operation: await update(tx, stored),
      }),
      absent: (tx) => refuseUniqueIdOfOtherKind(tx, fields.UniqueID),
    });
  });
}

/**
 * Nothing of this kind holds the UniqueID but the insert found it taken: the other kind holds it
 * (one namespace for both), a 409. Nothing is thrown when the UniqueID is free again.
 */
async function refuseUniqueIdOfOtherKind(tx: WriteTransaction, uniqueId: string): Promise<void> {
  const holder = await tx.accountHoldingUniqueId(uniqueId);
  if (!holder) return;
  throw conflict(
    "UniqueID",
    `UniqueID ${uniqueId} belongs to another customer (${accountKindLabel(holder)}).`,
    "UniqueID belongs to another customer",
  );
}
