import { type Check, invalid, valid } from "./field";

/** Spaces, `_` and `-` separate words alike: `In progress`, `in_progress` and `IN-PROGRESS` are one value. */
const key = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/**
 * A closed list of values, matched ignoring case and how words are separated; the canonical
 * spelling is what gets stored and returned. `aliases` maps other words a source system uses
 * (`opened`) to a canonical value (`active`).
 */
export function optionSet<const V extends string>(
  values: readonly V[],
  aliases: Readonly<Record<string, NoInfer<V>>> = {},
): Check<V> {
  const byKey = new Map<string, V>();
  for (const [spelling, value] of [...values.map((v) => [v, v] as const), ...Object.entries(aliases)]) {
    const earlier = byKey.get(key(spelling));
    // Two values that differ only in case or separators could never both be chosen.
    if (earlier !== undefined && earlier !== value) {
      throw new Error(`option set: "${spelling}" cannot be told apart from "${earlier}"`);
    }
    byKey.set(key(spelling), value);
  }
  return (value, label) => {
    const canonical = byKey.get(key(value));
    return canonical ? valid(canonical) : invalid(`${label} must be one of: ${values.join(", ")}`);
  };
}

const EMAIL_ADDRESS_TYPES = ["Personal", "Work", "Other"] as const;
const PHONE_NUMBER_TYPES = ["Mobile", "Home", "Work", "Other"] as const;
export const ADDRESS_TYPES = [
  "Home Address",
  "Billing address",
  "Delivery address",
  "Primary address",
  "Residence address",
  "Secondary address",
  "Social address",
] as const;
const ACCOUNT_RELATION_TYPES = [
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

export const emailAddressType = optionSet(EMAIL_ADDRESS_TYPES);
export const phoneNumberType = optionSet(PHONE_NUMBER_TYPES);
export const addressType = optionSet(ADDRESS_TYPES);
export const accountRelationType = optionSet(ACCOUNT_RELATION_TYPES);

/** A legal entity's industry (CONTRACT §8), as FintechOS spells the values. */
export const INDUSTRIES = [
  "Accounting",
  "AgribusinessManufacturingIT",
  "Agriculture",
  "RetailAdmin",
  "WholesaleAccommodation",
  "Technology Products",
  "Others",
  "Technology Software Provider",
  "Telecommunications",
  "TransportationStorage",
  "Construction",
] as const;
/** A legal entity's accountType; `Group` makes the account a group of connected clients. */
export const ACCOUNT_TYPES = ["Company", "Sole Trader", "Public Institution", "Non-Profit", "Group"] as const;
export const GROUP_ACCOUNT_TYPE = "Group" satisfies (typeof ACCOUNT_TYPES)[number];
/** A member's role in its group. */
const GROUP_MEMBER_ROLES = ["Parent company", "Subsidiary", "Affiliate", "Member", "Guarantor"] as const;

export const industry = optionSet(INDUSTRIES);
export const accountType = optionSet(ACCOUNT_TYPES);
export const groupMemberRole = optionSet(GROUP_MEMBER_ROLES);
