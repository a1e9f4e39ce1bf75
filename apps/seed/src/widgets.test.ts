import {
  accountClientLifecycle,
  accountFlags,
  accountHeader,
  accountPendingActivities,
  accountPicture,
  accountProfitabilityPI,
  accountRecentInteractions,
  accountRevenuesPI,
  type CustomerLifecycleOutput,
  DEFAULT_SETTINGS,
  getCustomerTransactionValues,
  getProductSuggestions,
  isActiveHolding,
  normalizeDecimal,
  productPortfolio,
  profileComplete,
  sumDecimals,
} from "@account360/core";
import { runAction } from "@account360/core/testing";
import { createSources } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "./dataset";
import { tablesOf } from "./generated-tables";
import { seedDatabase } from "./load";
import type { TableName, TableRecords } from "./records";
import { PROFITABILITY_INDICATORS } from "./vocab";

const anchor = "2026-06-30";
const ctx = { now: new Date(`${anchor}T12:00:00Z`), settings: DEFAULT_SETTINGS };
const yearBefore = "2025-07-01";
const options = { customers: 8, seed: 31, anchor, transactionsPerCustomer: 60 };

const inYear = (date: string) => date >= yearBefore && date <= anchor;
const sorted = (values: string[]) => [...values].sort();

/** Exact sums per key, as the widgets write them. */
function sumsBy<R>(rows: readonly R[], keyOf: (row: R) => string, amountOf: (row: R) => string) {
  const amounts = new Map<string, string[]>();
  for (const row of rows) {
    const key = keyOf(row);
    amounts.set(key, [...(amounts.get(key) ?? []), amountOf(row)]);
  }
  return new Map([...amounts].map(([key, list]) => [key, { count: list.length, sum: sumDecimals(list) }]));
}

describe("the sample customers' widgets answer what the seed wrote for them", () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let samples: string[] = [];
  // The seed's own rows, generated again (the generator is deterministic): what each widget must find.
  const seeded = tablesOf(generateDataset(options));
  /** The seeded rows of one customer in one table. */
  const rowsOf = <T extends TableName>(table: T, customerId: string): TableRecords[T][] =>
    seeded[table].filter((row) => {
      const owned = row as { customerInternalId?: string; customerId?: string };
      return (owned.customerInternalId ?? owned.customerId) === customerId;
    });
  /** A widget's answer, as an employee's request gets it, from the loaded database. */
  const run = <A extends Parameters<typeof runAction>[0]>(action: A, input: unknown) =>
    runAction(action, createSources(db.sql), input, ctx);
  beforeAll(async () => {
    db = await openTestDatabase();
    samples = (await seedDatabase(db, options)).sampleCustomerIds;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("names five sample customers, the first ones generated", () => {
    expect(samples).toEqual(seeded.customers.slice(0, 5).map((c) => c.id));
  });

  it("header, flags, picture and profile completion", async () => {
    for (const customerInternalId of samples) {
      const contracts = rowsOf("contracts", customerInternalId);
      const header = await run(accountHeader, { customerInternalId });
      expect(rowsOf("addresses", customerInternalId).map((a) => a.id)).toContain(
        header.primaryAddress?.addressIdentifier,
      );
      const active = contracts.filter((c) => isActiveHolding(c, anchor));
      expect(active.length).toBeGreaterThan(0);
      expect(header.activeProducts).toBe(active.length);
      const overdue = rowsOf("instalments", customerInternalId).filter((i) => !i.paid && i.dueDate < anchor);
      expect(overdue.length).toBeGreaterThan(0);
      const flags = await run(accountFlags, { customerInternalId });
      expect(flags.flags.map((f) => f.code)).toContain("DPD");
      const [picture] = rowsOf("pictures", customerInternalId);
      expect(picture?.contentType).toBe("image/png");
      expect(await run(accountPicture, { customerInternalId })).toMatchObject({
        hasPicture: true,
        contentType: picture?.contentType,
      });
      const profile = await run(profileComplete, { customerInternalId });
      expect(profile).toMatchObject({ percentage: 100, band: "green", next: null });
    }
  });

  it("lifecycle, pending activities of every kind, portfolio and suggestions", async () => {
    for (const customerInternalId of samples) {
      const contracts = rowsOf("contracts", customerInternalId);
      const lifecycle = (await run(accountClientLifecycle, {
        customerInternalId,
      })) as CustomerLifecycleOutput;
      expect(lifecycle).toMatchObject({ stage: "Active" });
      const expectedEvents = [
        ...rowsOf("applications", customerInternalId).map(
          (a) => `${new Date(a.createdAt).toISOString().slice(0, 10)} application ${a.externalId}`,
        ),
        ...contracts
          .filter((c) => c.activationDate <= anchor)
          .map((c) => `${c.activationDate} contractOpened ${c.contractNo}`),
        ...contracts
          .filter((c) => c.closeDate !== null && c.closeDate !== undefined && c.closeDate <= anchor)
          .map((c) => `${c.closeDate} contractClosed ${c.contractNo}`),
      ];
      expect(expectedEvents.length).toBeGreaterThan(0);
      expect(sorted(lifecycle.events.map((e) => `${e.date} ${e.kind} ${e.reference}`))).toEqual(
        sorted(expectedEvents),
      );
      const pending = await run(accountPendingActivities, { customerInternalId });
      expect(new Set(pending.items.map((i) => i.kind))).toEqual(
        new Set(["application", "task", "agreement", "instalment"]),
      );
      const portfolio = await run(productPortfolio, { customerInternalId });
      expect(portfolio.assets.length).toBeGreaterThan(0);
      expect(portfolio.liabilities.length).toBeGreaterThan(0);
      const holdings = [...portfolio.assets, ...portfolio.liabilities, ...portfolio.other];
      expect(sorted(holdings.map((h) => `${h.contractNo} ${h.active} ${h.balance} ${h.currency}`))).toEqual(
        sorted(
          contracts.map(
            (c) =>
              `${c.contractNo} ${isActiveHolding(c, anchor)} ${normalizeDecimal(c.balance)} ${c.currency}`,
          ),
        ),
      );
      expect(portfolio.totals.reduce((n, t) => n + t.holdings, 0)).toBe(
        holdings.filter((h) => h.active && h.kind !== null).length,
      );
      const suggestions = await run(getProductSuggestions, { accountId: customerInternalId });
      expect(suggestions.suppressed).toBeNull();
      expect(suggestions.suggestions.some((s) => s.source === "campaign")).toBe(true);
    }
  });

  it("profitability, interactions, revenues and transaction values over the last year", async () => {
    for (const customerInternalId of samples) {
      for (const indicatorName of PROFITABILITY_INDICATORS) {
        const series = await run(accountProfitabilityPI, { customerInternalId, indicatorName });
        expect(series.months.filter((m) => m.value !== null).length).toBeGreaterThanOrEqual(11);
        expect(series.change).not.toBeNull();
      }
      const range = { customerInternalId, fromDate: yearBefore, toDate: anchor };
      const interactions = await run(accountRecentInteractions, range);
      const seededInteractions = rowsOf("interactions", customerInternalId).filter((i) =>
        inYear(new Date(i.occurredAt).toISOString().slice(0, 10)),
      );
      expect(seededInteractions.length).toBeGreaterThan(0);
      expect(interactions.total).toBe(seededInteractions.length);
      expect(interactions.items.length).toBe(Math.min(seededInteractions.length, 50));

      const period = { customerInternalId, startDate: yearBefore, endDate: anchor };
      const revenues = await run(accountRevenuesPI, period);
      const revenueSums = sumsBy(
        rowsOf("revenues", customerInternalId).filter((r) => inYear(r.revenueDate)),
        (r) => r.currency,
        (r) => r.amount,
      );
      expect(revenues.currencyTotals).toEqual(
        [...revenueSums]
          .map(([currency, { sum }]) => ({ currency, amount: sum }))
          .sort((a, b) => a.currency.localeCompare(b.currency)),
      );
      expect(revenues.months.filter((m) => m.totals.length > 0).length).toBeGreaterThanOrEqual(12);

      const values = await run(getCustomerTransactionValues, period);
      const transactionSums = sumsBy(
        rowsOf("transactions", customerInternalId).filter((t) => inYear(t.bookingDate)),
        (t) => [t.indicator, t.direction, t.interIntra, t.currency].join(" "),
        (t) => t.amount,
      );
      expect(transactionSums.size).toBeGreaterThan(3);
      expect(
        sorted(
          values.rows.map(
            (r) => `${[r.indicator, r.direction, r.interIntra, r.currency].join(" ")} ${r.count} ${r.amount}`,
          ),
        ),
      ).toEqual(sorted([...transactionSums].map(([key, { count, sum }]) => `${key} ${count} ${sum}`)));
    }
  });
});
