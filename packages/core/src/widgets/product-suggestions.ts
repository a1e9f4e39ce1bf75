import { z } from "zod";
import { defineWidget } from "../actions/action";
import { systemId } from "../rules/ids";
import { type HoldingDates, type HoldingKind, holdingKindOf, isActiveHolding } from "./holdings";
import { todayOf } from "./months";
import { type AgreementDates, hasActiveAgreementOfType, SUGGESTION_RULES } from "./product-suggestions-rules";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_GetProductSuggestions: `accountId` is the customerInternalId. */
export const productSuggestionsInput = z.strictObject({ accountId: systemId("accountId") });
export type ProductSuggestionsInput = z.output<typeof productSuggestionsInput>;

const suggestion = z.object({
  /** The campaign offer's id (what dismissSuggestion takes), or the rule's id (`rule:…`). */
  id: z.string(),
  source: z.enum(["campaign", "rule"]),
  product: z.string(),
  score: z.number().int(),
  reason: z.string(),
  campaign: z.string().nullable(),
  availableUntil: z.string().nullable(),
});
export type ProductSuggestion = z.infer<typeof suggestion>;

export const productSuggestionsOutput = z.object({
  customerInternalId: z.string(),
  suggestions: z.array(suggestion),
  suppressed: z.string().nullable(),
  asOf: z.string(),
});
export type ProductSuggestionsOutput = z.infer<typeof productSuggestionsOutput>;

/** A campaign offer still open today: not closed by status, not past availableUntil, not dismissed. */
interface OpenOfferRow {
  id: string;
  product: string;
  campaign: string;
  score: number;
  availableUntil: string | null;
}

export interface SuggestionFacts {
  /** The customer's holdings; a source may leave out those not active today (they count for nothing). */
  holdings: (HoldingDates & { category: string })[];
  openOffers: OpenOfferRow[];
  /** The customer's agreements; a source may leave out those not active today. */
  agreements: AgreementDates[];
}

export interface ProductSuggestionsSource {
  /** What the suggestions are made from, on `today`; null when no customer has this id. */
  factsOf(customerId: string, today: string): Promise<SuggestionFacts | null>;
  /**
   * Marks one of the customer's campaign offers dismissed at `at` (kept when already dismissed)
   * and records who did it. Null when the customer has no such offer.
   */
  dismissOffer(args: {
    customerId: string;
    offerId: string;
    at: Date;
    userName: string;
    /** The callAction name stamped on the audit entry. */
    action: string;
  }): Promise<{ dismissedAt: string; changed: boolean } | null>;
  customerExists(customerId: string): Promise<boolean>;
}

const bySourceOrder = { campaign: 0, rule: 1 } as const;

/**
 * Campaign offers plus the rules that apply to what the customer actively holds, best first:
 * score, then campaigns before rules, then product name. A rule is left out when an open
 * campaign already offers a product of its kind, so one product is never suggested twice.
 */
export function rankSuggestions(facts: SuggestionFacts, today: string): ProductSuggestion[] {
  const held = new Set<HoldingKind>();
  for (const h of facts.holdings) {
    const kind = holdingKindOf(h.category);
    if (kind !== null && isActiveHolding(h, today)) held.add(kind);
  }
  const offered = new Set(facts.openOffers.map((o) => holdingKindOf(o.product)));
  const campaigns: ProductSuggestion[] = facts.openOffers.map((o) => ({
    id: o.id,
    source: "campaign",
    product: o.product,
    score: o.score,
    reason: `Offered by the campaign "${o.campaign}"${o.availableUntil ? ` until ${o.availableUntil}` : ""}.`,
    campaign: o.campaign,
    availableUntil: o.availableUntil,
  }));
  const rules: ProductSuggestion[] = SUGGESTION_RULES.filter(
    (r) => r.applies(held) && !offered.has(r.kind),
  ).map((r) => ({
    id: r.id,
    source: "rule",
    product: r.product,
    score: r.score,
    reason: r.reason,
    campaign: null,
    availableUntil: null,
  }));
  return [...campaigns, ...rules].sort(
    (a, b) =>
      b.score - a.score ||
      bySourceOrder[a.source] - bySourceOrder[b.source] ||
      a.product.localeCompare(b.product) ||
      a.id.localeCompare(b.id),
  );
}

/** Null when the customer may be shown suggestions, else the sentence the widget shows instead. */
export function suppressionOf(
  agreements: readonly AgreementDates[],
  marketingConsentTypes: readonly string[],
  today: string,
): string | null {
  if (hasActiveAgreementOfType(agreements, marketingConsentTypes, today)) return null;
  if (marketingConsentTypes.length === 0) {
    return "Product suggestions are hidden because no marketing consent type is configured.";
  }
  return `Product suggestions are hidden because the customer has no active marketing consent (${marketingConsentTypes.join(" or ")}).`;
}

export async function readProductSuggestions(
  source: ProductSuggestionsSource,
  input: ProductSuggestionsInput,
  ctx: { now: Date; settings: { marketingConsentTypes: readonly string[] } },
): Promise<ProductSuggestionsOutput> {
  const { accountId } = input;
  const today = todayOf(ctx.now);
  const facts = await source.factsOf(accountId, today);
  if (facts === null) throw unknownCustomer("accountId", accountId);
  const suppressed = suppressionOf(facts.agreements, ctx.settings.marketingConsentTypes, today);
  return {
    customerInternalId: accountId,
    suggestions: suppressed === null ? rankSuggestions(facts, today) : [],
    suppressed,
    asOf: asOfOf(ctx.now),
  };
}

export const getProductSuggestions = defineWidget({
  name: "FTOS_ACC_GetProductSuggestions",
  procedure: "widgets.productSuggestions",
  title: "Product suggestions",
  summary:
    "Open campaign offers and rule-based products the customer does not hold, when a marketing consent is active.",
  input: productSuggestionsInput,
  output: productSuggestionsOutput,
  run: ({ sources, now, settings }, input) =>
    readProductSuggestions(sources.productSuggestions, input, { now, settings }),
});
