import { z } from "zod";
import { defineWidget } from "../actions/action";
import { isoDate } from "../rules/dates";
import { required } from "../rules/field";
import { customerInternalIdField } from "../rules/ids";
import { normalizeDecimal } from "./decimal";
import { fillMonths, monthOf, monthRange } from "./months";
import { asOfOf, inclusiveRange, unknownCustomer } from "./widget-input";

/** FTOS_ACC_AccountRevenuesPI */
export const revenuesInput = z
  .strictObject({
    customerInternalId: customerInternalIdField,
    startDate: required("startDate", isoDate),
    endDate: required("endDate", isoDate),
  })
  .superRefine(inclusiveRange("startDate", "endDate"));
export type RevenuesInput = z.output<typeof revenuesInput>;

const currencyAmount = z.object({ currency: z.string(), amount: z.string() });
type RevenueAmount = z.infer<typeof currencyAmount>;

export const revenuesOutput = z.object({
  customerInternalId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  currencyTotals: z.array(currencyAmount),
  /** Every calendar month the range touches, oldest first; a month without revenue has `totals: []`. */
  months: z.array(z.object({ month: z.string(), totals: z.array(currencyAmount) })),
  byCategory: z.array(z.object({ category: z.string(), currency: z.string(), amount: z.string() })),
  asOf: z.string(),
});
export type RevenuesOutput = z.infer<typeof revenuesOutput>;

/** Exact sums per currency, each already aggregated in the database. */
export interface RevenueSums {
  byCurrency: RevenueAmount[];
  byMonth: (RevenueAmount & { month: string })[];
  byCategory: (RevenueAmount & { category: string })[];
}

export interface RevenuesSource {
  /** The customer's revenue sums between the dates (inclusive); null when no customer has this id. */
  sumsOf(query: { customerId: string; startDate: string; endDate: string }): Promise<RevenueSums | null>;
}

const byCurrency = (a: RevenueAmount, b: RevenueAmount) => a.currency.localeCompare(b.currency);
const amountOf = <T extends RevenueAmount>(row: T): T => ({ ...row, amount: normalizeDecimal(row.amount) });

/** Orders the sums and gives every month of the range its entry, empty months included. */
export function shapeRevenues(
  startDate: string,
  endDate: string,
  sums: RevenueSums,
): Pick<RevenuesOutput, "currencyTotals" | "months" | "byCategory"> {
  const perMonth = new Map<string, RevenueAmount[]>();
  for (const { month, currency, amount } of sums.byMonth) {
    const totals = perMonth.get(month) ?? [];
    totals.push(amountOf({ currency, amount }));
    perMonth.set(month, totals);
  }
  const months = fillMonths(monthRange(monthOf(startDate), monthOf(endDate)), perMonth, () => []).map(
    ({ month, value }) => ({ month, totals: value.sort(byCurrency) }),
  );
  return {
    currencyTotals: sums.byCurrency.map(amountOf).sort(byCurrency),
    months,
    byCategory: sums.byCategory
      .map(amountOf)
      .sort((a, b) => a.category.localeCompare(b.category) || byCurrency(a, b)),
  };
}

export async function readAccountRevenues(
  source: RevenuesSource,
  input: RevenuesInput,
  ctx: { now: Date },
): Promise<RevenuesOutput> {
  const { customerInternalId, startDate, endDate } = input;
  const sums = await source.sumsOf({ customerId: customerInternalId, startDate, endDate });
  if (sums === null) throw unknownCustomer("customerInternalId", customerInternalId);
  return {
    customerInternalId,
    startDate,
    endDate,
    ...shapeRevenues(startDate, endDate, sums),
    asOf: asOfOf(ctx.now),
  };
}

export const accountRevenuesPI = defineWidget({
  name: "FTOS_ACC_AccountRevenuesPI",
  procedure: "widgets.revenues",
  title: "Revenues",
  summary:
    "The revenues the bank earned from the customer between two dates, per currency, month and category.",
  input: revenuesInput,
  output: revenuesOutput,
  run: ({ sources, now }, input) => readAccountRevenues(sources.revenues, input, { now }),
});
