import { z } from "zod";
import { defineAction } from "../actions/action";
import { customerInternalIdField } from "../rules/ids";
import {
  PROFILE_FIELD_LABELS,
  PROFILE_FIELDS,
  type ProfileField,
  type ProfileWeights,
  type WidgetContext,
} from "../settings";
import { todayOf } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_ProfileComplete: how complete the customer's master data is, and what to fill next. */

export const profileCompleteInput = z.strictObject({ customerInternalId: customerInternalIdField });
export type ProfileCompleteInput = z.output<typeof profileCompleteInput>;

export const PROFILE_BANDS = ["red", "yellow", "green"] as const;
export type ProfileBand = (typeof PROFILE_BANDS)[number];

const profileEntry = z.object({ field: z.enum(PROFILE_FIELDS), label: z.string(), weight: z.number().int() });
export type ProfileEntry = z.infer<typeof profileEntry>;

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
}

export interface ProfileFactsQuery {
  customerId: string;
  /** `YYYY-MM-DD`, UTC. */
  today: string;
}

export interface ProfileCompleteSource {
  /** null when no customer has this id. */
  profileFacts(query: ProfileFactsQuery): Promise<ProfileFacts | null>;
}

const present = (value: string | null) => value !== null && value.trim() !== "";

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
 * count for nothing and are not listed.
 */
export function profileCompletionOf(
  facts: ProfileFacts,
  weights: Readonly<ProfileWeights>,
): ProfileCompletion {
  const filled = filledFields(facts);
  let filledWeight = 0;
  let totalWeight = 0;
  const missing: ProfileEntry[] = [];
  for (const field of PROFILE_FIELDS) {
    const weight = weights[field];
    totalWeight += weight;
    if (filled[field]) filledWeight += weight;
    else if (weight > 0) missing.push({ field, label: PROFILE_FIELD_LABELS[field], weight });
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

export async function readProfileCompletion(
  source: ProfileCompleteSource,
  input: ProfileCompleteInput,
  ctx: WidgetContext,
): Promise<ProfileCompleteOutput> {
  const { customerInternalId } = input;
  const facts = await source.profileFacts({ customerId: customerInternalId, today: todayOf(ctx.now) });
  if (!facts) throw unknownCustomer("customerInternalId", customerInternalId);
  return {
    customerInternalId,
    ...profileCompletionOf(facts, ctx.settings.profileWeights),
    asOf: asOfOf(ctx.now),
  };
}

export const profileComplete = defineAction({
  name: "FTOS_ACC_ProfileComplete",
  procedure: "widgets.profileCompletion",
  kind: "query",
  access: "read",
  tag: "Widgets",
  title: "Profile completion",
  summary: "How complete the customer's profile is, by weighted fields, and the heaviest missing one.",
  input: profileCompleteInput,
  output: profileCompleteOutput,
  run: ({ sources, now, settings }, input) =>
    readProfileCompletion(sources.profileComplete, input, { now, settings }),
});
