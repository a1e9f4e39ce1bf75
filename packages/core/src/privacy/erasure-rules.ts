/**
 * What an erasure does to the values it cannot delete with their rows: the pseudonym names and
 * UniqueID become, and which fields' values leave the audit entries and change events (by the
 * audit entry's entity; `"*"` is every field).
 */

/** Stands where an erased value was, in a record kept and in old/new values of the audit. */
export const ERASED_VALUE = "[erased]";

/** The personal fields audit entries and change events hold, by entity, as the writes name them. */
export const PERSONAL_AUDIT_FIELDS: Readonly<Record<string, readonly string[] | "*">> = Object.freeze({
  customer: [
    "UniqueID",
    "firstName",
    "lastName",
    "email",
    "mobilePhone",
    "emailAddressType",
    "phoneNumberType",
  ],
  address: "*",
  interaction: ["subject"],
  task: ["title"],
  // The picture's audit holds a fingerprint of its bytes, which identifies the picture.
  picture: ["data"],
});

export interface Pseudonym {
  uniqueId: string;
  firstName: string;
  lastName: string;
}

/**
 * The stable pseudonym of a customer: derived from its id only (which the retained records keep
 * anyway), so a second erasure finds the same one and no personal value can be read back from it.
 */
export function pseudonymOf(customerId: string): Pseudonym {
  const hex = customerId.replaceAll("-", "").toUpperCase();
  return { uniqueId: `ERASED-${hex}`, firstName: "Erased", lastName: `Customer ${hex.slice(0, 8)}` };
}
