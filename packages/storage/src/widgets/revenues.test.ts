import { accountRevenuesPI, type RevenuesOutput, type Sources, sumDecimals } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { describe, expect, it } from "vitest";
import { expectCustomerRefusals, externalId, insertCustomer, unknownCustomerId } from "../ingest/test-kit";
import { revenues } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { revenuesSource } from "./revenues";

const runAccountRevenues = (source: Sources["revenues"], input: unknown, ctx?: RunOptions) =>
  runAction(accountRevenuesPI, { revenues: source }, input, ctx);

const handle = testDatabaseOfFile();

const now = { now: new Date("2025-06-30T12:00:00Z") };

const revenue = (
  customerId: string,
  revenueDate: string,
  category: string,
  currency: string,
  amount: string,
) => ({
  customerId,
  externalId: externalId(),
  revenueDate,
  category,
  product: "Any",
  currency,
  amount,
});

/** Sums of the months and of the categories, per currency, as the widget's own totals should be. */
function sumsPerCurrency(entries: { currency: string; amount: string }[]): Record<string, string> {
  const by: Record<string, string[]> = {};
  for (const e of entries) by[e.currency] = [...(by[e.currency] ?? []), e.amount];
  return Object.fromEntries(Object.entries(by).map(([c, amounts]) => [c, sumDecimals(amounts)]));
}

const currencyTotalsOf = (answer: RevenuesOutput) =>
  Object.fromEntries(answer.currencyTotals.map((t) => [t.currency, t.amount]));

describe("FTOS_ACC_AccountRevenuesPI", () => {
  it("has every month the range touches, and months and categories add up to the currency totals", async () => {
    const id = await insertCustomer(handle.db);
    const other = await insertCustomer(handle.db);
    await handle.db.insert(revenues).values([
      revenue(id, "2024-11-30", "Fees", "RON", "999.99"), // before the range
      revenue(id, "2024-12-15", "Fees", "RON", "0.10"),
      revenue(id, "2024-12-31", "Interest", "RON", "0.20"),
      revenue(id, "2024-12-31", "Interest", "EUR", "1250.00"),
      revenue(id, "2025-02-01", "Fees", "RON", "100000000.01"),
      revenue(id, "2025-03-10", "Commissions", "EUR", "0.05"),
      revenue(id, "2025-03-11", "Fees", "RON", "7.77"), // after the range
      revenue(other, "2025-01-15", "Fees", "RON", "5.00"),
    ]);
    const answer = await runAccountRevenues(
      revenuesSource(handle.sql),
      { customerInternalId: id, startDate: "2024-12-15", endDate: "2025-03-10" },
      now,
    );

    expect(answer.currencyTotals).toEqual([
      { currency: "EUR", amount: "1250.05" },
      { currency: "RON", amount: "100000000.31" },
    ]);
    expect(answer.months).toEqual([
      {
        month: "2024-12",
        totals: [
          { currency: "EUR", amount: "1250.00" },
          { currency: "RON", amount: "0.30" },
        ],
      },
      { month: "2025-01", totals: [] },
      { month: "2025-02", totals: [{ currency: "RON", amount: "100000000.01" }] },
      { month: "2025-03", totals: [{ currency: "EUR", amount: "0.05" }] },
    ]);
    expect(answer.byCategory).toEqual([
      { category: "Commissions", currency: "EUR", amount: "0.05" },
      { category: "Fees", currency: "RON", amount: "100000000.11" },
      { category: "Interest", currency: "EUR", amount: "1250.00" },
      { category: "Interest", currency: "RON", amount: "0.20" },
    ]);
    expect(sumsPerCurrency(answer.months.flatMap((m) => m.totals))).toEqual(currencyTotalsOf(answer));
    expect(sumsPerCurrency(answer.byCategory)).toEqual(currencyTotalsOf(answer));
  });

  it("answers empty months for a customer without revenue", async () => {
    const id = await insertCustomer(handle.db);
    const answer = await runAccountRevenues(
      revenuesSource(handle.sql),
      { customerInternalId: id, startDate: "2025-01-31", endDate: "2025-02-01" },
      now,
    );
    expect(answer).toMatchObject({
      currencyTotals: [],
      byCategory: [],
      months: [
        { month: "2025-01", totals: [] },
        { month: "2025-02", totals: [] },
      ],
    });
  });

  it("is 400 without a customer id or with startDate after endDate, and 404 for an unknown customer", async () => {
    const source = revenuesSource(handle.sql);
    const range = { startDate: "2025-01-01", endDate: "2025-01-31" };
    const run = (input: Record<string, unknown>) => runAccountRevenues(source, input, now);
    await expectCustomerRefusals(run, range);
    await expect(
      run({ customerInternalId: unknownCustomerId, startDate: "2025-02-01", endDate: "2025-01-31" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ field: "startDate" }] });
  });
});
