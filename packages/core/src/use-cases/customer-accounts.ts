import type { CustomerAccount, WriteTransaction } from "../ports/write-store";
import { GROUP_ACCOUNT_TYPE } from "../rules/option-sets";
import { badRequest, conflict } from "./record-changes";

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

/**
 * Nothing of this kind has the id: a 400 when it is the other kind's (naming the action that
 * updates it), else null so that the caller answers its 404.
 */
export async function otherKindById(tx: WriteTransaction, customerInternalId: string) {
  const account = await tx.accountOf(customerInternalId);
  if (!account) return null;
  return badRequest(
    "customerInternalId",
    `Customer ${customerInternalId} is ${accountKindLabel(account)}; ${ACTION_OF_KIND[account.kind]} updates it.`,
    `customerInternalId names ${accountKindLabel(account)}`,
  );
}

/**
 * Nothing of this kind holds the UniqueID but the insert found it taken: the other kind holds it
 * (one namespace for both), a 409. Nothing is thrown when the UniqueID is free again.
 */
export async function refuseUniqueIdOfOtherKind(tx: WriteTransaction, uniqueId: string): Promise<void> {
  const holder = await tx.accountHoldingUniqueId(uniqueId);
  if (!holder) return;
  throw conflict(
    "UniqueID",
    `UniqueID ${uniqueId} belongs to another customer (${accountKindLabel(holder)}).`,
    "UniqueID belongs to another customer",
  );
}
