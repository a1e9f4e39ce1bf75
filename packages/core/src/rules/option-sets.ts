import { type Check, invalid, valid } from "./field";

const key = (value: string) => value.replace(/\s+/g, " ").toLowerCase();

/**
 * A closed list of values, matched case-insensitively (and ignoring repeated spaces); the
 * canonical spelling is what gets stored and returned.
 */
export function optionSet<const V extends string>(values: readonly V[]): Check<V> {
  const byKey = new Map(values.map((value) => [key(value), value]));
  return (value, label) => {
    const canonical = byKey.get(key(value));
    return canonical ? valid(canonical) : invalid(`${label} must be one of: ${values.join(", ")}`);
  };
}

export const EMAIL_ADDRESS_TYPES = ["Personal", "Work", "Other"] as const;
export const PHONE_NUMBER_TYPES = ["Mobile", "Home", "Work", "Other"] as const;
export const ADDRESS_TYPES = [
  "Home Address",
  "Billing address",
  "Delivery address",
  "Primary address",
  "Residence address",
  "Secondary address",
  "Social address",
] as const;
export const ACCOUNT_RELATION_TYPES = [
  "Ownership",
  "Business",
  "Hierarchy",
  "Contact",
  "Participant",
  "Affiliate",
  "Relative",
  "Employer",
  "Shareholder",
  "Administrator",
  "Key Contact Person",
] as const;

export type EmailAddressType = (typeof EMAIL_ADDRESS_TYPES)[number];
export type PhoneNumberType = (typeof PHONE_NUMBER_TYPES)[number];
export type AddressType = (typeof ADDRESS_TYPES)[number];
export type AccountRelationType = (typeof ACCOUNT_RELATION_TYPES)[number];

export const emailAddressType = optionSet(EMAIL_ADDRESS_TYPES);
export const phoneNumberType = optionSet(PHONE_NUMBER_TYPES);
export const addressType = optionSet(ADDRESS_TYPES);
export const accountRelationType = optionSet(ACCOUNT_RELATION_TYPES);
