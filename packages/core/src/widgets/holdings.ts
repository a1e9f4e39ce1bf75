/**
 * What a contract (holding) is, for the portfolio and the suggestions: its kind, which side of
 * the balance sheet it sits on from the customer's view, and whether it is active today.
 */

export const HOLDING_KINDS = [
  "loan",
  "card",
  "overdraft",
  "mortgage",
  "current",
  "savings",
  "deposit",
] as const;
export type HoldingKind = (typeof HOLDING_KINDS)[number];
export type HoldingSide = "assets" | "liabilities";

/** Assets are what the bank lent (credit); liabilities what the customer keeps with the bank. */
export const SIDE_OF_KIND: Record<HoldingKind, HoldingSide> = {
  loan: "assets",
  card: "assets",
  overdraft: "assets",
  mortgage: "assets",
  current: "liabilities",
  savings: "liabilities",
  deposit: "liabilities",
};

/**
 * Words that identify a kind inside a free-text category or product name, tried in this order so
 * that "Mortgage loan" is a mortgage, "Credit card" a card and "Savings deposit" savings.
 */
const KIND_WORDS: readonly [RegExp, HoldingKind][] = [
  [/\bmortgage/, "mortgage"],
  [/\boverdraft/, "overdraft"],
  [/\bcards?\b/, "card"],
  [/\bloans?\b|\bcredit\b/, "loan"],
  [/\bsavings?\b/, "savings"],
  [/\bdeposits?\b/, "deposit"],
  [/\bcurrent\b|\bchecking\b|\bcheque\b/, "current"],
];

/** The kind a category ("Loan", "current account", "Credit Card") names, or null when none. */
export function holdingKindOf(category: string): HoldingKind | null {
  const text = category.trim().toLowerCase();
  return KIND_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** Contract statuses that mean the customer holds the product now (case-insensitive). */
export const ACTIVE_HOLDING_STATUSES = ["active", "open"] as const;

export interface HoldingDates {
  status: string;
  activationDate: string;
  closeDate: string | null;
}

/**
 * A holding is active on `today` when its status says so, it was activated on or before today and
 * it has no close date or closes today or later (the same inclusive rule as agreements).
 */
export function isActiveHolding(holding: HoldingDates, today: string): boolean {
  const status = holding.status.trim().toLowerCase();
  return (
    (ACTIVE_HOLDING_STATUSES as readonly string[]).includes(status) &&
    holding.activationDate <= today &&
    (holding.closeDate === null || holding.closeDate >= today)
  );
}
