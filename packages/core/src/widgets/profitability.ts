import { z } from "zod";
import { defineWidget } from "../actions/action";
import { AppError } from "../errors/app-error";
import { customerInternalIdField } from "../rules/ids";
import { compareDecimals, normalizeDecimal, percentChange, subtractDecimals } from "./decimal";
import { fillMonths, lastMonths } from "./months";
import { asOfOf, unknownCustomer } from "./widget-input";

/** How many months the widget shows, ending with the current month. */
const PROFITABILITY_MONTHS = 12;

/** FTOS_ACC_AccountProfitabilityPI */
export const profitabilityInput = z.strictObject({
  customerInternalId: customerInternalIdField,
  indicatorName: z
    .string({
      error: (i) => (i.input == null ? "indicatorName is required" : "indicatorName must be a string"),
    })
    .trim()
    .min(1, "indicatorName is required")
    .max(200, "indicatorName must be at most 200 characters"),
});
export type ProfitabilityInput = z.output<typeof profitabilityInput>;

const monthValue = z.object({ month: z.string(), value: z.string() });

export const profitabilityOutput = z.object({
  customerInternalId: z.string(),
  /** The indicator's stored spelling (the name is matched case-insensitively). */
  indicatorName: z.string(),
  months: z.array(z.object({ month: z.string(), value: z.string().nullable() })),
  /** The most recent month of the window that has a value. */
  latest: monthValue.nullable(),
  /**
   * `latest` against the month with a value before it in the window (not necessarily the
   * calendar month before): `absolute` is latest − previous, `percent` that difference in
   * percent of |previous| rounded to 2 decimals (null when previous is 0). Null with fewer
   * than two values.
   */
  change: z
    .object({
      previousMonth: z.string(),
      previousValue: z.string(),
      absolute: z.string(),
      percent: z.string().nullable(),
      direction: z.enum(["up", "down", "flat"]),
    })
    .nullable(),
  asOf: z.string(),
});
export type ProfitabilityOutput = z.infer<typeof profitabilityOutput>;

export interface ProfitabilityValueRow {
  /** `YYYY-MM` */
  month: string;
  value: string;
}

export interface ProfitabilitySource {
  /**
   * The customer's values of the indicator named (case-insensitively) `indicatorName` in the
   * months `fromMonth`..`toMonth`, and the indicator's stored spelling: the customer's own,
   * else any customer's, else null (nobody has such an indicator). Null when no customer has
   * this id.
   */
  valuesOf(query: {
    customerId: string;
    indicatorName: string;
    fromMonth: string;
    toMonth: string;
  }): Promise<{ indicator: string | null; values: ProfitabilityValueRow[] } | null>;
  /** Every indicator any customer has a value of, sorted. */
  knownIndicators(): Promise<string[]>;
}

/** The months of the window with null where a month has no value, the latest value and its change. */
export function profitabilitySeries(
  months: readonly string[],
  values: readonly ProfitabilityValueRow[],
): Pick<ProfitabilityOutput, "months" | "latest" | "change"> {
  const found = new Map(values.map((v) => [v.month, normalizeDecimal(v.value)]));
  const series = fillMonths<string | null>(months, found, () => null);
  const filled = series.filter((m): m is { month: string; value: string } => m.value !== null);
  const last = filled.at(-1);
  const previous = filled.at(-2);
  const latest = last ? { month: last.month, value: last.value } : null;
  const change =
    last && previous
      ? {
          previousMonth: previous.month,
          previousValue: previous.value,
          absolute: subtractDecimals(last.value, previous.value),
          percent: percentChange(previous.value, last.value),
          direction: (["down", "flat", "up"] as const)[compareDecimals(last.value, previous.value) + 1]!,
        }
      : null;
  return { months: series, latest, change };
}

export async function readAccountProfitabilityPI(
  source: ProfitabilitySource,
  input: ProfitabilityInput,
  ctx: { now: Date },
): Promise<ProfitabilityOutput> {
  const { customerInternalId, indicatorName } = input;
  const months = lastMonths(ctx.now, PROFITABILITY_MONTHS);
  const found = await source.valuesOf({
    customerId: customerInternalId,
    indicatorName,
    fromMonth: months[0]!,
    toMonth: months.at(-1)!,
  });
  if (found === null) throw unknownCustomer("customerInternalId", customerInternalId);
  if (found.indicator === null) {
    const known = await source.knownIndicators();
    const list =
      known.length > 0 ? `the known indicators are ${known.join(", ")}` : "no indicator has any value yet";
    throw new AppError("NOT_FOUND", `Unknown indicatorName "${indicatorName}"; ${list}.`, [
      { field: "indicatorName", message: `Unknown indicatorName "${indicatorName}"; ${list}` },
    ]);
  }
  return {
    customerInternalId,
    indicatorName: found.indicator,
    ...profitabilitySeries(months, found.values),
    asOf: asOfOf(ctx.now),
  };
}

export const accountProfitabilityPI = defineWidget({
  name: "FTOS_ACC_AccountProfitabilityPI",
  procedure: "widgets.profitability",
  title: "Profitability",
  summary: "One profitability indicator of the customer over the last 12 months.",
  input: profitabilityInput,
  output: profitabilityOutput,
  run: ({ sources, now }, input) => readAccountProfitabilityPI(sources.profitability, input, { now }),
});
