import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import {
  DEFAULT_LEGAL_ENTITY_PROFILE_WEIGHTS,
  LEGAL_ENTITY_PROFILE_FIELDS,
  type LegalEntityProfileField,
  type LegalEntityProfileWeights,
  PROFILE_ENTRY_LABELS,
  PROFILE_FIELDS,
  type ProfileField,
  type ProfileWeights,
  type WidgetContext,
} from "../settings";
import { todayOf } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_ProfileComplete: how complete the customer's master data is, and what to fill next. */

export const profileCompleteInput = customerInput;

export const PROFILE_BANDS = ["red", "yellow", "green"] as const;
export type ProfileBand = (typeof PROFILE_BANDS)[number];

/** An individual's entries, or a legal entity's (CONTRACT §8). */
const PROFILE_ENTRY_FIELDS = [...new Set([...PROFILE_FIELDS, ...LEGAL_ENTITY_PROFILE_FIELDS])] as [
  ProfileField | LegalEntityProfileField,
  ...(ProfileField | LegalEntityProfileField)[],
];

const profileEntry = z.object({
  field: z.enum(PROFILE_ENTRY_FIELDS),
  label: z.string(),
  weight: z.number().int(),
});
type ProfileEntry = z.infer<typeof profileEntry>;

export const profileCompletionOutput = z.object({
  percentage: z.number().int().min(0).max(100),
  band: z.enum(PROFILE_BANDS),
  filledWeight: z.number().int(),
  totalWeight: z.number().int(),
  missing: z.array(profileEntry),
  next: profileEntry.nullable(),
});
export type ProfileCompletion = z.infer<typeof profileCompletionOutput>;

export const profileCompleteOutput = profileCompletionOutput.extend({
  customerInternalId: z.string(),
  asOf: z.string(),
});
export type ProfileCompleteOutput = z.infer<typeof profileCompleteOutput>;

/** What the score is computed from, read from storage in one query. */
export interface ProfileFacts {
  firstName: string | null;
  lastName: string | null;
  uniqueId: string | null;
  email: string | null;
  mobilePhone: string | null;
  emailAddressType: string | null;
  phoneNumberType: string | null;
  addressCount: number;
  hasPicture: boolean;
  /** Any agreement active today (startDate <= today, no endDate or endDate >= today). */
  hasActiveAgreement: boolean;
  /** Present when the customer is a legal entity, which is weighed by its own entries. */
  legalEntity?: LegalEntityProfileFacts | null;
}

interface LegalEntityProfileFacts {
  name: string | null;
  registrationNumber: string | null;
  industry: string | null;
  representativeCount: number;
}

/** The weights of both kinds; a legal entity's default to CONTRACT §8's. */
export interface ProfileWeightSets {
  individual: Readonly<ProfileWeights>;
  legalEntity?: Readonly<LegalEntityProfileWeights> | undefined;
}

interface ProfileFactsQuery {
  customerId: string;
  /** `YYYY-MM-DD`, UTC. */
  today: string;
}

export interface ProfileCompleteSource {
  /** null when no customer has this id. */
  profileFacts(query: ProfileFactsQuery): Promise<ProfileFacts | null>;
}

const present = (value: string | null) => value !== null && value.trim() !== "";

function filledLegalEntityFields(
  facts: ProfileFacts,
  legalEntity: LegalEntityProfileFacts,
): Record<LegalEntityProfileField, boolean> {
  return {
    name: present(legalEntity.name),
    UniqueID: present(facts.uniqueId),
    registrationNumber: present(legalEntity.registrationNumber),
    industry: present(legalEntity.industry),
    email: present(facts.email),
    mobilePhone: present(facts.mobilePhone),
    address: facts.addressCount > 0,
    representative: legalEntity.representativeCount > 0,
  };
}

function filledFields(facts: ProfileFacts): Record<ProfileField, boolean> {
  return {
    firstName: present(facts.firstName),
    lastName: present(facts.lastName),
    UniqueID: present(facts.uniqueId),
    email: present(facts.email),
    mobilePhone: present(facts.mobilePhone),
    emailAddressType: present(facts.emailAddressType),
    phoneNumberType: present(facts.phoneNumberType),
    address: facts.addressCount > 0,
    picture: facts.hasPicture,
    agreement: facts.hasActiveAgreement,
  };
}

/** red below 60, yellow from 60 to below 85, green from 85. */
export function profileBandOf(percentage: number): ProfileBand {
  if (percentage < 60) return "red";
  if (percentage < 85) return "yellow";
  return "green";
}

/**
 * The score. The percentage is rounded down, so it never shows a band boundary the profile has
 * not reached (59.6% is red and shows 59, not 60); it is 100 only when nothing is missing.
 * `missing` lists the heaviest first (ties in the order of PROFILE_FIELDS); entries weighing 0
 * count for nothing and are not listed. A legal entity is weighed by its own entries.
 */
export function profileCompletionOf(
  facts: ProfileFacts,
  weights: Readonly<ProfileWeights> | ProfileWeightSets,
): ProfileCompletion {
  const sets: ProfileWeightSets = "individual" in weights ? weights : { individual: weights };
  if (facts.legalEntity) {
    return scoreOf(
      LEGAL_ENTITY_PROFILE_FIELDS,
      sets.legalEntity ?? DEFAULT_LEGAL_ENTITY_PROFILE_WEIGHTS,
      filledLegalEntityFields(facts, facts.legalEntity),
    );
  }
  return scoreOf(PROFILE_FIELDS, sets.individual, filledFields(facts));
}

function scoreOf<F extends ProfileEntry["field"]>(
  fields: readonly F[],
  weights: Readonly<Record<F, number>>,
  filled: Record<F, boolean>,
): ProfileCompletion {
  let filledWeight = 0;
  let totalWeight = 0;
  const missing: ProfileEntry[] = [];
  for (const field of fields) {
    const weight = weights[field];
    totalWeight += weight;
    if (filled[field]) filledWeight += weight;
    else if (weight > 0) missing.push({ field, label: PROFILE_ENTRY_LABELS[field], weight });
  }
  missing.sort((a, b) => b.weight - a.weight);
  const percentage = totalWeight === 0 ? 100 : Math.floor((filledWeight * 100) / totalWeight);
  return {
    percentage,
    band: profileBandOf(percentage),
    filledWeight,
    totalWeight,
    missing,
    next: missing[0] ?? null,
  };
}

export const profileWeightSetsOf = (settings: WidgetContext["settings"]): ProfileWeightSets => ({
  individual: settings.profileWeights,
  legalEntity: settings.legalEntityProfileWeights,
});

export async function readProfileComplete(
  source: ProfileCompleteSource,
  input: CustomerInput,
  ctx: WidgetContext,
): Promise<ProfileCompleteOutput> {
  const { customerInternalId } = input;
  const facts = await source.profileFacts({ customerId: customerInternalId, today: todayOf(ctx.now) });
  if (!facts) throw unknownCustomer("customerInternalId", customerInternalId);
  return {
    customerInternalId,
    ...profileCompletionOf(facts, profileWeightSetsOf(ctx.settings)),
    asOf: asOfOf(ctx.now),
  };
}

export const profileComplete = defineWidget({
  name: "FTOS_ACC_ProfileComplete",
  procedure: "widgets.profileCompletion",
  title: "Profile completion",
  summary: "How complete the customer's profile is, by weighted fields, and the heaviest missing one.",
  input: profileCompleteInput,
  output: profileCompleteOutput,
  run: ({ sources, now, settings }, input) =>
    readProfileComplete(sources.profileComplete, input, { now, settings }),
});
