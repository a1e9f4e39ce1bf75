import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import type { ProfileWeights, WidgetContext } from "../settings";
import { addDays, daysBetween } from "./lifecycle-dates";
import { todayOf } from "./months";
import {
  type ProfileFacts,
  type ProfileWeightSets,
  profileCompletionOf,
  profileWeightSetsOf,
} from "./profile-completion";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_AccountFlags: the warnings an employee must see before dealing with the customer. */

/** The hits the compliance systems report (ingested into compliance_flags). */
export const COMPLIANCE_FLAG_CODES = ["PEP", "EMBARGO", "TERRORIST_LIST"] as const;

/** Every code, in the order flags of one severity are listed. */
const FLAG_CODES = [
  "TERRORIST_LIST",
  "EMBARGO",
  "PEP",
  "GARNISHMENT",
  "DPD",
  "NO_CONSENT",
  "INCOMPLETE_PROFILE",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

const FLAG_SEVERITIES = ["high", "medium", "low"] as const;
type FlagSeverity = (typeof FLAG_SEVERITIES)[number];

const FLAG_LABELS: Record<FlagCode, string> = {
  TERRORIST_LIST: "Terrorist list match",
  EMBARGO: "Embargo",
  PEP: "Politically exposed person",
  GARNISHMENT: "Garnishment",
  DPD: "Days past due",
  NO_CONSENT: "No active consent",
  INCOMPLETE_PROFILE: "Incomplete profile",
};

/** A DPD flag turns high once the oldest unpaid instalment is this many days late (default-risk threshold). */
const DPD_HIGH_SEVERITY_DAYS = 90;

const currencyAmount = z.object({ currency: z.string(), amount: z.string() });
type CurrencyAmount = z.infer<typeof currencyAmount>;

const flagBase = { label: z.string(), severity: z.enum(FLAG_SEVERITIES), since: z.string().nullable() };

const accountFlag = z.discriminatedUnion("code", [
  z.object({
    code: z.enum(COMPLIANCE_FLAG_CODES),
    ...flagBase,
    details: z.object({
      hits: z.array(z.object({ reference: z.string(), since: z.string(), note: z.string().nullable() })),
    }),
  }),
  z.object({
    code: z.literal("DPD"),
    ...flagBase,
    details: z.object({
      daysPastDue: z.number().int(),
      overdueInstalments: z.number().int(),
      /** The overdue total when every overdue instalment has one currency; null otherwise (see `amounts`). */
      amount: z.string().nullable(),
      currency: z.string().nullable(),
      amounts: z.array(currencyAmount),
    }),
  }),
  z.object({
    code: z.literal("GARNISHMENT"),
    ...flagBase,
    details: z.object({
      count: z.number().int(),
      amounts: z.array(currencyAmount),
      authorities: z.array(z.string()),
    }),
  }),
  z.object({
    code: z.literal("NO_CONSENT"),
    ...flagBase,
    details: z.object({ consentTypes: z.array(z.string()), lastConsentEndedOn: z.string().nullable() }),
  }),
  z.object({
    code: z.literal("INCOMPLETE_PROFILE"),
    ...flagBase,
    details: z.object({ percentage: z.number().int(), next: z.string().nullable() }),
  }),
]);
export type AccountFlag = z.infer<typeof accountFlag>;

export const accountFlagsInput = customerInput;

export const accountFlagsOutput = z.object({
  customerInternalId: z.string(),
  flags: z.array(accountFlag),
  asOf: z.string(),
});
export type AccountFlagsOutput = z.infer<typeof accountFlagsOutput>;

/** What the flags are derived from; storage reads it in one query. */
export interface FlagFacts {
  /** Compliance hits not cleared as of today (no clearedOn, or clearedOn after today). */
  compliance: { code: string; since: string; reference: string; note: string | null }[];
  /** Unpaid instalments due before today; null when there are none. Amounts summed per currency in SQL. */
  overdue: { oldestDueDate: string; count: number; amounts: CurrencyAmount[] } | null;
  /** Garnishments not released as of today; null when there are none. */
  garnishments: { since: string; count: number; amounts: CurrencyAmount[]; authorities: string[] } | null;
  /** Consent agreements (of the configured types): whether one is active today, and when the last ended. */
  consent: { hasActive: boolean; lastEndedOn: string | null };
  /** `YYYY-MM-DD`: when the customer became one, the NO_CONSENT date when it never consented. */
  customerSince: string;
  profile: ProfileFacts;
}

interface FlagFactsQuery {
  customerId: string;
  today: string;
  consentTypes: readonly string[];
}

export interface AccountFlagsSource {
  /** null when no customer has this id. */
  flagFacts(query: FlagFactsQuery): Promise<FlagFacts | null>;
}

export interface FlagRules {
  today: string;
  profileWeights: Readonly<ProfileWeights> | ProfileWeightSets;
  consentTypes: readonly string[];
}

/** The rules flags are derived by on the day of `ctx.now`, from the operator's settings. */
export const flagRulesOf = (ctx: WidgetContext) => ({
  today: todayOf(ctx.now),
  profileWeights: profileWeightSetsOf(ctx.settings),
  consentTypes: ctx.settings.consentTypes,
});

const severityRank: Record<FlagSeverity, number> = { high: 0, medium: 1, low: 2 };

/**
 * The flags the facts raise, most severe first (then in FLAG_CODES order). Several hits of one
 * compliance code make one flag, dated by the earliest; DPD dates from the day after the oldest
 * unpaid due date; NO_CONSENT from the day after the last consent ended, or from customerSince
 * when there never was one.
 */
export function deriveFlags(facts: FlagFacts, rules: FlagRules): AccountFlag[] {
  const flags: AccountFlag[] = [];
  for (const code of COMPLIANCE_FLAG_CODES) {
    const hits = facts.compliance
      .filter((hit) => hit.code.trim().toUpperCase() === code)
      .map((hit) => ({ reference: hit.reference, since: hit.since, note: hit.note }))
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.reference < b.reference ? -1 : 1));
    const first = hits[0];
    if (!first) continue;
    const severity: FlagSeverity = code === "PEP" ? "medium" : "high";
    flags.push({ code, label: FLAG_LABELS[code], severity, since: first.since, details: { hits } });
  }
  if (facts.garnishments) {
    const { since, count, amounts, authorities } = facts.garnishments;
    flags.push({
      code: "GARNISHMENT",
      label: FLAG_LABELS.GARNISHMENT,
      severity: "high",
      since,
      details: { count, amounts, authorities },
    });
  }
  if (facts.overdue) {
    const { oldestDueDate, count, amounts } = facts.overdue;
    const daysPastDue = daysBetween(oldestDueDate, rules.today);
    const single = amounts.length === 1 ? amounts[0] : undefined;
    flags.push({
      code: "DPD",
      label: FLAG_LABELS.DPD,
      severity: daysPastDue >= DPD_HIGH_SEVERITY_DAYS ? "high" : "medium",
      since: addDays(oldestDueDate, 1),
      details: {
        daysPastDue,
        overdueInstalments: count,
        amount: single?.amount ?? null,
        currency: single?.currency ?? null,
        amounts,
      },
    });
  }
  if (!facts.consent.hasActive) {
    const ended = facts.consent.lastEndedOn;
    flags.push({
      code: "NO_CONSENT",
      label: FLAG_LABELS.NO_CONSENT,
      severity: "low",
      since: ended === null ? facts.customerSince : addDays(ended, 1),
      details: { consentTypes: [...rules.consentTypes], lastConsentEndedOn: ended },
    });
  }
  const profile = profileCompletionOf(facts.profile, rules.profileWeights);
  if (profile.band === "red") {
    flags.push({
      code: "INCOMPLETE_PROFILE",
      label: FLAG_LABELS.INCOMPLETE_PROFILE,
      severity: "low",
      since: null,
      details: { percentage: profile.percentage, next: profile.next?.field ?? null },
    });
  }
  const order = (flag: AccountFlag) => severityRank[flag.severity] * 100 + FLAG_CODES.indexOf(flag.code);
  return flags.sort((a, b) => order(a) - order(b));
}

export async function readAccountFlags(
  source: AccountFlagsSource,
  input: CustomerInput,
  ctx: WidgetContext,
): Promise<AccountFlagsOutput> {
  const { customerInternalId } = input;
  const rules = flagRulesOf(ctx);
  const { today, consentTypes } = rules;
  const facts = await source.flagFacts({ customerId: customerInternalId, today, consentTypes });
  if (!facts) throw unknownCustomer("customerInternalId", customerInternalId);
  return {
    customerInternalId,
    flags: deriveFlags(facts, rules),
    asOf: asOfOf(ctx.now),
  };
}

export const accountFlags = defineWidget({
  name: "FTOS_ACC_AccountFlags",
  procedure: "widgets.flags",
  title: "Account flags",
  summary:
    "The customer's warning flags: PEP, embargo, terrorist list, days past due, garnishment, missing consent, incomplete profile.",
  input: accountFlagsInput,
  output: accountFlagsOutput,
  run: ({ sources, now, settings }, input) => readAccountFlags(sources.flags, input, { now, settings }),
});
