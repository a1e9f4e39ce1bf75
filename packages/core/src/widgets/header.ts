import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import { GROUP_ACCOUNT_TYPE } from "../rules/option-sets";
import type { WidgetContext } from "../settings";
import { deriveFlags, type FlagFacts, flagRulesOf } from "./flags";
import { PROFILE_BANDS, profileCompletionOf } from "./profile-completion";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_AccountHeader: who the customer is, at a glance. */

export const accountHeaderInput = customerInput;

const headerAddress = z.object({
  addressIdentifier: z.string(),
  addressType: z.string(),
  country: z.string(),
  district: z.string(),
  city: z.string(),
  streetName: z.string(),
  streetNo: z.string(),
  buildingNo: z.string().nullable(),
  floorNo: z.string().nullable(),
  apartmentNo: z.string().nullable(),
  postalCode: z.string(),
  /** One line for a label: "Strada Lalelelor 10, Bl. A1, Floor 2, Apt. 7, 010101 Bucharest, Sector 1, RO". */
  formatted: z.string(),
});
export type HeaderAddress = z.infer<typeof headerAddress>;
export type AddressFacts = Omit<HeaderAddress, "formatted">;

export const CUSTOMER_VIEW_KINDS = ["individual", "legalEntity", "group"] as const;
export type CustomerViewKind = (typeof CUSTOMER_VIEW_KINDS)[number];

const headerGroup = z.object({ customerInternalId: z.string(), name: z.string(), role: z.string() });
export type HeaderGroup = z.infer<typeof headerGroup>;

/** How a customer is named and reached, the same in the header and in a search result. */
export const customerNameAndContact = {
  fullName: z.string(),
  initials: z.string(),
  uniqueIdMasked: z.string(),
  email: z.string(),
  mobilePhone: z.string(),
  segment: z.string().nullable(),
};

export const accountHeaderOutput = z.object({
  customerInternalId: z.string(),
  /** `group` is a legal entity of accountType Group. */
  kind: z.enum(CUSTOMER_VIEW_KINDS),
  ...customerNameAndContact,
  customerSince: z.string(),
  primaryAddress: headerAddress.nullable(),
  activeProducts: z.number().int(),
  flagsCount: z.number().int(),
  /** The codes behind flagsCount, most severe first. */
  flagCodes: z.array(z.string()),
  profileCompletion: z.number().int(),
  profileBand: z.enum(PROFILE_BANDS),
  /** A legal entity's; null for an individual. */
  registrationNumber: z.string().nullable(),
  industry: z.string().nullable(),
  accountType: z.string().nullable(),
  /** The groups the customer is an active member of today, by name. */
  groups: z.array(headerGroup),
  asOf: z.string(),
});
export type AccountHeaderOutput = z.infer<typeof accountHeaderOutput>;

/** The flag facts (for flagsCount and the profile) plus the customer's own fields. */
export interface HeaderFacts extends FlagFacts {
  firstName: string;
  lastName: string;
  uniqueId: string;
  email: string;
  mobilePhone: string;
  segment: string | null;
  /** Every address of the customer, oldest first. */
  addresses: AddressFacts[];
  /** Contracts active today (the same rule as the portfolio's active holdings). */
  activeProducts: number;
  /** Present for a legal entity. */
  legalEntity: {
    name: string;
    registrationNumber: string | null;
    industry: string | null;
    accountType: string;
  } | null;
  /** Active memberships today. */
  groups: HeaderGroup[];
}

export interface AccountHeaderSource {
  /** null when no customer has this id. */
  headerFacts(query: {
    customerId: string;
    today: string;
    consentTypes: readonly string[];
  }): Promise<HeaderFacts | null>;
}

/**
 * Hides all but the last 4 characters, keeping the length. An ID of 4 characters or fewer is
 * hidden whole: showing "all but nothing" would print the entire identifier.
 */
export function maskUniqueId(uniqueId: string): string {
  const chars = Array.from(uniqueId.trim());
  if (chars.length <= 4) return "*".repeat(chars.length);
  return "*".repeat(chars.length - 4) + chars.slice(-4).join("");
}

/** The first letter of the first and of the last name, upper-case ("ștefan popescu" → "ȘP"). */
export function initialsOf(firstName: string, lastName: string): string {
  const first = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? "";
  return first(firstName) + first(lastName);
}

/** A legal entity's initials: the first letters of its name's first two words ("Carpați Logistic SRL" → "CL"). */
export function initialsOfName(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "");
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0]?.toUpperCase() ?? "")
    .join("");
}

export function kindOfView(legalEntity: { accountType: string } | null): CustomerViewKind {
  if (!legalEntity) return "individual";
  return legalEntity.accountType === GROUP_ACCOUNT_TYPE ? "group" : "legalEntity";
}

export function fullNameOf(firstName: string, lastName: string): string {
  return [firstName.trim(), lastName.trim()].filter((part) => part !== "").join(" ");
}

/** Which address the header shows when there are several: the first type in this list, then the oldest. */
const PRIMARY_ADDRESS_PREFERENCE = [
  "primary address",
  "home address",
  "residence address",
  "billing address",
  "delivery address",
  "secondary address",
  "social address",
];

export function primaryAddressOf(addresses: readonly AddressFacts[]): HeaderAddress | null {
  const rank = (address: AddressFacts) => {
    const index = PRIMARY_ADDRESS_PREFERENCE.indexOf(address.addressType.trim().toLowerCase());
    return index === -1 ? PRIMARY_ADDRESS_PREFERENCE.length : index;
  };
  let best: AddressFacts | undefined;
  for (const address of addresses) if (!best || rank(address) < rank(best)) best = address;
  return best ? { ...best, formatted: formatAddress(best) } : null;
}

function formatAddress(address: AddressFacts): string {
  const street = [address.streetName, address.streetNo].map((part) => part.trim()).join(" ");
  const parts = [
    street,
    address.buildingNo?.trim() ? `Bl. ${address.buildingNo.trim()}` : "",
    address.floorNo?.trim() ? `Floor ${address.floorNo.trim()}` : "",
    address.apartmentNo?.trim() ? `Apt. ${address.apartmentNo.trim()}` : "",
    `${address.postalCode.trim()} ${address.city.trim()}`,
    address.district.trim(),
    address.country.trim(),
  ];
  return parts.filter((part) => part !== "").join(", ");
}

export async function readAccountHeader(
  source: AccountHeaderSource,
  input: CustomerInput,
  ctx: WidgetContext,
): Promise<AccountHeaderOutput> {
  const { customerInternalId } = input;
  const rules = flagRulesOf(ctx);
  const { today, consentTypes } = rules;
  const facts = await source.headerFacts({ customerId: customerInternalId, today, consentTypes });
  if (!facts) throw unknownCustomer("customerInternalId", customerInternalId);
  const flags = deriveFlags(facts, rules);
  const profile = profileCompletionOf(facts.profile, rules.profileWeights);
  const { legalEntity } = facts;
  return {
    customerInternalId,
    kind: kindOfView(legalEntity),
    fullName: legalEntity ? legalEntity.name.trim() : fullNameOf(facts.firstName, facts.lastName),
    initials: legalEntity ? initialsOfName(legalEntity.name) : initialsOf(facts.firstName, facts.lastName),
    uniqueIdMasked: maskUniqueId(facts.uniqueId),
    email: facts.email,
    mobilePhone: facts.mobilePhone,
    segment: facts.segment,
    customerSince: facts.customerSince,
    primaryAddress: primaryAddressOf(facts.addresses),
    activeProducts: facts.activeProducts,
    flagsCount: flags.length,
    flagCodes: flags.map((flag) => flag.code),
    profileCompletion: profile.percentage,
    profileBand: profile.band,
    registrationNumber: legalEntity?.registrationNumber ?? null,
    industry: legalEntity?.industry ?? null,
    accountType: legalEntity?.accountType ?? null,
    groups: facts.groups,
    asOf: asOfOf(ctx.now),
  };
}

export const accountHeader = defineWidget({
  name: "FTOS_ACC_AccountHeader",
  procedure: "widgets.header",
  title: "Account header",
  summary:
    "Who the customer is at a glance: name, masked UniqueID, contact, primary address, active products, flags and profile completion.",
  input: accountHeaderInput,
  output: accountHeaderOutput,
  run: ({ sources, now, settings }, input) => readAccountHeader(sources.header, input, { now, settings }),
});
