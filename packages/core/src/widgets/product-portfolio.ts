import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import { normalizeDecimal, sumDecimals } from "./decimal";
import {
  HOLDING_KINDS,
  type HoldingDates,
  type HoldingKind,
  type HoldingSide,
  holdingKindOf,
  isActiveHolding,
  SIDE_OF_KIND,
} from "./holdings";
import { todayOf } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/** FTOS_ACC_ProductPortfolio */
export const productPortfolioInput = customerInput;

const holding = z.object({
  contractNo: z.string(),
  bankingProduct: z.string(),
  category: z.string(),
  kind: z.enum(HOLDING_KINDS).nullable(),
  amount: z.string().nullable(),
  balance: z.string(),
  currency: z.string(),
  status: z.string(),
  active: z.boolean(),
  activationDate: z.string(),
  closeDate: z.string().nullable(),
  interestRate: z.string().nullable(),
});
type PortfolioHolding = z.infer<typeof holding>;

export const productPortfolioOutput = z.object({
  customerInternalId: z.string(),
  assets: z.array(holding),
  liabilities: z.array(holding),
  /** Holdings whose category names no known kind: listed so nothing is hidden, never totalled. */
  other: z.array(holding),
  totals: z.array(
    z.object({
      currency: z.string(),
      side: z.enum(["assets", "liabilities"]),
      amount: z.string(),
      holdings: z.number().int(),
    }),
  ),
  asOf: z.string(),
});
export type ProductPortfolioOutput = z.infer<typeof productPortfolioOutput>;

/** One contract as stored: decimals as strings, dates as `YYYY-MM-DD`. */
export interface PortfolioContractRow extends HoldingDates {
  contractNo: string;
  bankingProduct: string;
  category: string;
  amount: string | null;
  balance: string;
  currency: string;
  interestRate: string | null;
}

export interface ProductPortfolioSource {
  /** Every contract of the customer, or null when no customer has this id. */
  contractsOf(customerId: string): Promise<PortfolioContractRow[] | null>;
}

const orderHoldings = (a: PortfolioHolding, b: PortfolioHolding) =>
  Number(b.active) - Number(a.active) ||
  b.activationDate.localeCompare(a.activationDate) ||
  a.contractNo.localeCompare(b.contractNo);

/**
 * Sorts the contracts into assets and liabilities (active first, newest first) and sums the
 * balances of the active ones per side and currency. The customer's contracts are a handful of
 * rows already in hand, and the kind rule lives here, so the sum is exact BigInt arithmetic
 * here rather than a second SQL pass that would have to repeat the rule.
 */
export function shapePortfolio(
  rows: readonly PortfolioContractRow[],
  today: string,
): Pick<ProductPortfolioOutput, "assets" | "liabilities" | "other" | "totals"> {
  const sides: Record<HoldingSide | "other", PortfolioHolding[]> = { assets: [], liabilities: [], other: [] };
  const balances = new Map<string, { currency: string; side: HoldingSide; balances: string[] }>();
  for (const row of rows) {
    const kind: HoldingKind | null = holdingKindOf(row.category);
    const active = isActiveHolding(row, today);
    const side = kind === null ? "other" : SIDE_OF_KIND[kind];
    sides[side].push({
      contractNo: row.contractNo,
      bankingProduct: row.bankingProduct,
      category: row.category,
      kind,
      amount: row.amount === null ? null : normalizeDecimal(row.amount),
      balance: normalizeDecimal(row.balance),
      currency: row.currency,
      status: row.status,
      active,
      activationDate: row.activationDate,
      closeDate: row.closeDate,
      interestRate: row.interestRate === null ? null : normalizeDecimal(row.interestRate),
    });
    if (active && side !== "other") {
      const key = `${side}\u0000${row.currency}`;
      const entry = balances.get(key) ?? { currency: row.currency, side, balances: [] };
      entry.balances.push(row.balance);
      balances.set(key, entry);
    }
  }
  const totals = [...balances.values()]
    .map((e) => ({
      currency: e.currency,
      side: e.side,
      amount: sumDecimals(e.balances),
      holdings: e.balances.length,
    }))
    .sort((a, b) => a.side.localeCompare(b.side) || a.currency.localeCompare(b.currency));
  return {
    assets: sides.assets.sort(orderHoldings),
    liabilities: sides.liabilities.sort(orderHoldings),
    other: sides.other.sort(orderHoldings),
    totals,
  };
}

export async function readProductPortfolio(
  source: ProductPortfolioSource,
  input: CustomerInput,
  ctx: { now: Date },
): Promise<ProductPortfolioOutput> {
  const { customerInternalId } = input;
  const rows = await source.contractsOf(customerInternalId);
  if (rows === null) throw unknownCustomer("customerInternalId", customerInternalId);
  return { customerInternalId, ...shapePortfolio(rows, todayOf(ctx.now)), asOf: asOfOf(ctx.now) };
}

export const productPortfolio = defineWidget({
  name: "FTOS_ACC_ProductPortfolio",
  procedure: "widgets.productPortfolio",
  title: "Product portfolio",
  summary: "The customer's assets and liabilities, with the active balances summed per currency and side.",
  input: productPortfolioInput,
  output: productPortfolioOutput,
  run: ({ sources, now }, input) => readProductPortfolio(sources.productPortfolio, input, { now }),
});
