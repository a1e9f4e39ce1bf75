import type { HoldingKind } from "./holdings";

/**
 * The rule-based suggestions: a product the customer does not hold, when the rest of what they
 * hold makes it a natural next step. Campaign scores run 0–100 (default 50), so a targeted
 * campaign outranks a generic rule unless it was scored low.
 *
 * | id                    | suggests        | when the customer, among active holdings, has … | score |
 * | --------------------- | --------------- | ----------------------------------------------- | ----- |
 * | rule:current-account  | Current account | no current account                              | 70    |
 * | rule:savings-account  | Savings account | no savings account                              | 60    |
 * | rule:card             | Debit card      | a current account but no card                   | 55    |
 * | rule:term-deposit     | Term deposit    | a savings account but no term deposit           | 40    |
 */
export interface SuggestionRule {
  id: string;
  product: string;
  /** The kind the product is; a customer already holding it never gets the rule. */
  kind: HoldingKind;
  score: number;
  reason: string;
  applies(held: ReadonlySet<HoldingKind>): boolean;
}

export const SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    id: "rule:current-account",
    product: "Current account",
    kind: "current",
    score: 70,
    reason:
      "The customer has no active current account, the everyday account for salary, payments and cards.",
    applies: (held) => !held.has("current"),
  },
  {
    id: "rule:savings-account",
    product: "Savings account",
    kind: "savings",
    score: 60,
    reason: "The customer has no active savings account.",
    applies: (held) => !held.has("savings"),
  },
  {
    id: "rule:card",
    product: "Debit card",
    kind: "card",
    score: 55,
    reason: "The customer holds a current account but no card to use it with.",
    applies: (held) => held.has("current") && !held.has("card"),
  },
  {
    id: "rule:term-deposit",
    product: "Term deposit",
    kind: "deposit",
    score: 40,
    reason: "The customer keeps savings but holds no term deposit, which pays a fixed rate for a fixed term.",
    applies: (held) => held.has("savings") && !held.has("deposit"),
  },
];

export interface AgreementDates {
  agreementType: string;
  startDate: string;
  endDate: string | null;
}

/** Active when `startDate <= today` and it has no `endDate` or `endDate >= today` (CONTRACT §5). */
function isActiveAgreement(agreement: AgreementDates, today: string): boolean {
  return agreement.startDate <= today && (agreement.endDate === null || agreement.endDate >= today);
}

/** Whether any active agreement has one of `types`, matched whole, trimmed and case-insensitively. */
export function hasActiveAgreementOfType(
  agreements: readonly AgreementDates[],
  types: readonly string[],
  today: string,
): boolean {
  const wanted = new Set(types.map((t) => t.trim().toLowerCase()));
  return agreements.some(
    (a) => wanted.has(a.agreementType.trim().toLowerCase()) && isActiveAgreement(a, today),
  );
}

/**
 * Offer statuses that close an offer (case-insensitive); any other status (Open, New, Active,
 * Pending, …) leaves it open, so an unforeseen spelling shows an offer rather than hiding it.
 */
export const CLOSED_OFFER_STATUSES = [
  "accepted",
  "declined",
  "rejected",
  "dismissed",
  "expired",
  "closed",
  "cancelled",
  "canceled",
  "withdrawn",
  "converted",
] as const;
