import { getCustomerTransactionValues, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { externalId, insertCustomer, unknownCustomerId } from "../ingest/test-kit";
import { transactions } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { transactionValuesSource } from "./transaction-values";

const runTransactionValues = (source: Sources["transactionValues"], input: unknown, ctx?: RunOptions) =>
  runAction(getCustomerTransactionValues, { transactionValues: source }, input, ctx);

const handle = testDatabaseOfFile();
let customerId: string;
const now = { now: new Date("2025-06-30T12:00:00Z") };
const range = { startDate: "2025-01-01", endDate: "2025-01-31" };

beforeAll(async () => {
  customerId = await insertCustomer(handle.db);
  const row = (
    bookingDate: string,
    indicator: string,
    direction: string,
    interIntra: string,
    currency: string,
    amount: string,
  ) => ({
    customerId,
    externalId: externalId(),
    bookingDate,
    indicator,
    direction,
    interIntra,
    currency,
    amount,
  });
  await handle.db.insert(transactions).values([
    row("2025-01-01", "Card payment", "Outgoing", "Inter", "RON", "10.10"),
    row("2025-01-15", "Card payment", "Outgoing", "Inter", "RON", "0.20"),
    row("2025-01-31", "Card payment", "Outgoing", "Intra", "EUR", "5.00"),
    row("2025-01-02", "Salary", "Incoming", "Inter", "RON", "7000.00"),
    row("2025-01-03", "Transfer", "Incoming", "Intra", "RON", "0.01"),
    row("2025-01-04", "Transfer", "Outgoing", "Intra", "RON", "0.02"),
    row("2025-01-05", "Transfer", "Incoming", "Inter", "EUR", "99999999999.99"),
    row("2024-12-31", "Salary", "Incoming", "Inter", "RON", "7000.00"), // before the range
    row("2025-02-01", "Salary", "Incoming", "Inter", "RON", "7000.00"), // after the range
  ]);
});

const values = (filters: Record<string, unknown> = {}) =>
  runTransactionValues(
    transactionValuesSource(handle.sql),
    { customerInternalId: customerId, ...range, ...filters },
    now,
  );
const countOf = (answer: Awaited<ReturnType<typeof values>>) => answer.rows.reduce((n, r) => n + r.count, 0);

describe("FTOS_ACC_GetCustomerTransactionValues", () => {
  it("groups rows by indicator, direction, inter/intra and currency, with totals per currency and direction", async () => {
    const answer = await values();
    expect(answer.rows).toEqual([
      {
        indicator: "Card payment",
        direction: "Outgoing",
        interIntra: "Inter",
        currency: "RON",
        count: 2,
        amount: "10.30",
      },
      {
        indicator: "Card payment",
        direction: "Outgoing",
        interIntra: "Intra",
        currency: "EUR",
        count: 1,
        amount: "5.00",
      },
      {
        indicator: "Salary",
        direction: "Incoming",
        interIntra: "Inter",
        currency: "RON",
        count: 1,
        amount: "7000.00",
      },
      {
        indicator: "Transfer",
        direction: "Incoming",
        interIntra: "Inter",
        currency: "EUR",
        count: 1,
        amount: "99999999999.99",
      },
      {
        indicator: "Transfer",
        direction: "Incoming",
        interIntra: "Intra",
        currency: "RON",
        count: 1,
        amount: "0.01",
      },
      {
        indicator: "Transfer",
        direction: "Outgoing",
        interIntra: "Intra",
        currency: "RON",
        count: 1,
        amount: "0.02",
      },
    ]);
    expect(answer.totals).toEqual([
      { currency: "EUR", direction: "Incoming", count: 1, amount: "99999999999.99" },
      { currency: "EUR", direction: "Outgoing", count: 1, amount: "5.00" },
      { currency: "RON", direction: "Incoming", count: 2, amount: "7000.01" },
      { currency: "RON", direction: "Outgoing", count: 3, amount: "10.32" },
    ]);
  });

  it("counts Incoming plus Outgoing as many transactions as without the filter", async () => {
    const all = countOf(await values());
    const incoming = await values({ direction: "incoming" });
    const outgoing = await values({ direction: "OUTGOING" });
    expect(incoming.rows.every((r) => r.direction === "Incoming")).toBe(true);
    expect(outgoing.rows.every((r) => r.direction === "Outgoing")).toBe(true);
    expect(countOf(incoming) + countOf(outgoing)).toBe(all);
    expect(all).toBe(7);
  });

  it("narrows the rows with each filter", async () => {
    const all = countOf(await values());
    const cases: [
      Record<string, unknown>,
      (r: { indicator: string; interIntra: string; currency: string }) => boolean,
      number,
    ][] = [
      [{ transactionIndicators: ["salary", "TRANSFER"] }, (r) => r.indicator !== "Card payment", 4],
      [{ transactionIndicators: "Card payment, salary" }, (r) => r.indicator !== "Transfer", 4],
      [{ interIntra: "intra" }, (r) => r.interIntra === "Intra", 3],
      [{ currencyId: "eur" }, (r) => r.currency === "EUR", 2],
      [
        {
          currencyId: "EUR",
          direction: "Incoming",
          interIntra: "Inter",
          transactionIndicators: ["Transfer"],
        },
        () => true,
        1,
      ],
    ];
    for (const [filter, kept, count] of cases) {
      const answer = await values(filter);
      expect(answer.rows.every(kept)).toBe(true);
      expect(countOf(answer)).toBe(count);
      expect(count).toBeLessThan(all);
      expect(answer.totals.reduce((n, t) => n + t.count, 0)).toBe(count);
    }
  });

  it("refuses an unknown option value, a non-ISO currency, a missing id and startDate after endDate", async () => {
    for (const [bad, field] of [
      [{ direction: "Sideways" }, "direction"],
      [{ interIntra: "Both" }, "interIntra"],
      [{ currencyId: "EURO" }, "currencyId"],
      [{ startDate: "2025-02-01" }, "startDate"],
      [{ customerInternalId: undefined }, "customerInternalId"],
    ] as const) {
      await expect(values(bad as Record<string, unknown>)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: [{ field }],
      });
    }
  });

  it("is 404 for an unknown customer", async () => {
    await expect(
      runTransactionValues(
        transactionValuesSource(handle.sql),
        { customerInternalId: unknownCustomerId, ...range },
        now,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
