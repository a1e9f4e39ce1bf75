import { z } from "zod";
import { defineWidget } from "../actions/action";
import { isoDate } from "../rules/dates";
import { optional, required } from "../rules/field";
import { customerInternalIdField } from "../rules/ids";
import { currency } from "../rules/money";
import { optionSet } from "../rules/option-sets";
import { normalizeDecimal } from "./decimal";
import { asOfOf, inclusiveRange, listField, unknownCustomer } from "./widget-input";

export const TRANSACTION_DIRECTIONS = ["Incoming", "Outgoing"] as const;
export const INTER_INTRA = ["Inter", "Intra"] as const;
type TransactionDirection = (typeof TRANSACTION_DIRECTIONS)[number];
type InterIntra = (typeof INTER_INTRA)[number];

/** FTOS_ACC_GetCustomerTransactionValues; every filter is optional and narrows the rows. */
export const transactionValuesInput = z
  .strictObject({
    customerInternalId: customerInternalIdField,
    startDate: required("startDate", isoDate),
    endDate: required("endDate", isoDate),
    transactionIndicators: listField("transactionIndicators").nullish(),
    direction: optional("direction", optionSet(TRANSACTION_DIRECTIONS)),
    interIntra: optional("interIntra", optionSet(INTER_INTRA)),
    currencyId: optional("currencyId", currency),
  })
  .superRefine(inclusiveRange("startDate", "endDate"));
export type TransactionValuesInput = z.output<typeof transactionValuesInput>;

const valueRow = z.object({
  indicator: z.string(),
  direction: z.string(),
  interIntra: z.string(),
  currency: z.string(),
  count: z.number().int(),
  amount: z.string(),
});
export type TransactionValueRow = z.infer<typeof valueRow>;

const totalRow = z.object({
  currency: z.string(),
  direction: z.string(),
  count: z.number().int(),
  amount: z.string(),
});
export type TransactionTotalRow = z.infer<typeof totalRow>;

export const transactionValuesOutput = z.object({
  customerInternalId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  rows: z.array(valueRow),
  /** Per currency and direction, over the rows the filters kept. */
  totals: z.array(totalRow),
  asOf: z.string(),
});
export type TransactionValuesOutput = z.infer<typeof transactionValuesOutput>;

interface TransactionValuesQuery {
  customerId: string;
  startDate: string;
  endDate: string;
  /** Empty: every indicator. Matched case-insensitively. */
  indicators: readonly string[];
  direction: TransactionDirection | null;
  interIntra: InterIntra | null;
  currency: string | null;
}

export interface TransactionValuesSource {
  /**
   * Counts and exact sums of the customer's transactions booked between the dates (inclusive)
   * that pass the filters, per row group and per (currency, direction). Null when no customer
   * has this id.
   */
  valuesOf(
    query: TransactionValuesQuery,
  ): Promise<{ rows: TransactionValueRow[]; totals: TransactionTotalRow[] } | null>;
}

const directionOrder = (d: string) => {
  const i = (TRANSACTION_DIRECTIONS as readonly string[]).indexOf(d);
  return i < 0 ? TRANSACTION_DIRECTIONS.length : i;
};

/** Rows by indicator, direction (Incoming first), inter/intra, currency; totals by currency, direction. */
export function orderTransactionValues(found: {
  rows: readonly TransactionValueRow[];
  totals: readonly TransactionTotalRow[];
}): { rows: TransactionValueRow[]; totals: TransactionTotalRow[] } {
  return {
    rows: found.rows
      .map((r) => ({ ...r, amount: normalizeDecimal(r.amount) }))
      .sort(
        (a, b) =>
          a.indicator.localeCompare(b.indicator) ||
          directionOrder(a.direction) - directionOrder(b.direction) ||
          a.interIntra.localeCompare(b.interIntra) ||
          a.currency.localeCompare(b.currency),
      ),
    totals: found.totals
      .map((t) => ({ ...t, amount: normalizeDecimal(t.amount) }))
      .sort(
        (a, b) =>
          a.currency.localeCompare(b.currency) || directionOrder(a.direction) - directionOrder(b.direction),
      ),
  };
}

export async function readTransactionValues(
  source: TransactionValuesSource,
  input: TransactionValuesInput,
  ctx: { now: Date },
): Promise<TransactionValuesOutput> {
  const parsed = input;
  const found = await source.valuesOf({
    customerId: parsed.customerInternalId,
    startDate: parsed.startDate,
    endDate: parsed.endDate,
    indicators: parsed.transactionIndicators ?? [],
    direction: parsed.direction ?? null,
    interIntra: parsed.interIntra ?? null,
    currency: parsed.currencyId ?? null,
  });
  if (found === null) throw unknownCustomer("customerInternalId", parsed.customerInternalId);
  return {
    customerInternalId: parsed.customerInternalId,
    startDate: parsed.startDate,
    endDate: parsed.endDate,
    ...orderTransactionValues(found),
    asOf: asOfOf(ctx.now),
  };
}

export const getCustomerTransactionValues = defineWidget({
  name: "FTOS_ACC_GetCustomerTransactionValues",
  procedure: "widgets.transactionValues",
  title: "Transaction values",
  summary:
    "The customer's transactions between two dates, counted and summed per indicator, direction, inter/intra and currency.",
  input: transactionValuesInput,
  output: transactionValuesOutput,
  run: ({ sources, now }, input) => readTransactionValues(sources.transactionValues, input, { now }),
});
