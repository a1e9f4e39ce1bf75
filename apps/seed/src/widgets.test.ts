import {
  accountClientLifecycle,
  accountFlags,
  accountHeader,
  accountPendingActivities,
  accountPicture,
  accountProfitabilityPI,
  accountRecentInteractions,
  accountRevenuesPI,
  DEFAULT_SETTINGS,
  getCustomerTransactionValues,
  getProductSuggestions,
  productPortfolio,
  profileComplete,
  type Sources,
} from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { createSources } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "./load";
import { PROFITABILITY_INDICATORS } from "./vocab";

const runAccountFlags = (source: Sources["flags"], input: unknown, ctx?: RunOptions) =>
  runAction(accountFlags, { flags: source }, input, ctx);
const runAccountHeader = (source: Sources["header"], input: unknown, ctx?: RunOptions) =>
  runAction(accountHeader, { header: source }, input, ctx);
const runClientLifecycle = (source: Sources["lifecycle"], input: unknown, ctx?: RunOptions) =>
  runAction(accountClientLifecycle, { lifecycle: source }, input, ctx);
const runPendingActivities = (source: Sources["pendingActivities"], input: unknown, ctx?: RunOptions) =>
  runAction(accountPendingActivities, { pendingActivities: source }, input, ctx);
const runAccountPicture = (source: Sources["picture"], input: unknown, ctx?: RunOptions) =>
  runAction(accountPicture, { picture: source }, input, ctx);
const runProfileCompletion = (source: Sources["profileComplete"], input: unknown, ctx?: RunOptions) =>
  runAction(profileComplete, { profileComplete: source }, input, ctx);
const runProductPortfolio = (source: Sources["productPortfolio"], input: unknown, ctx?: RunOptions) =>
  runAction(productPortfolio, { productPortfolio: source }, input, ctx);
const runProductSuggestions = (source: Sources["productSuggestions"], input: unknown, ctx?: RunOptions) =>
  runAction(getProductSuggestions, { productSuggestions: source }, input, ctx);
const runAccountProfitability = (source: Sources["profitability"], input: unknown, ctx?: RunOptions) =>
  runAction(accountProfitabilityPI, { profitability: source }, input, ctx);
const runRecentInteractions = (source: Sources["recentInteractions"], input: unknown, ctx?: RunOptions) =>
  runAction(accountRecentInteractions, { recentInteractions: source }, input, ctx);
const runAccountRevenues = (source: Sources["revenues"], input: unknown, ctx?: RunOptions) =>
  runAction(accountRevenuesPI, { revenues: source }, input, ctx);
const runTransactionValues = (source: Sources["transactionValues"], input: unknown, ctx?: RunOptions) =>
  runAction(getCustomerTransactionValues, { transactionValues: source }, input, ctx);

const anchor = "2026-06-30";
const ctx = { now: new Date(`${anchor}T12:00:00Z`), settings: DEFAULT_SETTINGS };
const yearBefore = "2025-07-01";

describe("the sample customers get an answer with data from every widget", () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let samples: string[] = [];
  beforeAll(async () => {
    db = await openTestDatabase();
    samples = (await seedDatabase(db, { customers: 8, seed: 31, anchor, transactionsPerCustomer: 60 }))
      .sampleCustomerIds;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("names five sample customers", () => {
    expect(samples).toHaveLength(5);
  });

  it("header, flags, picture and profile completion", async () => {
    for (const customerInternalId of samples) {
      const header = await runAccountHeader(createSources(db.sql).header, { customerInternalId }, ctx);
      expect(header.primaryAddress).not.toBeNull();
      expect(header.activeProducts).toBeGreaterThan(0);
      const flags = await runAccountFlags(createSources(db.sql).flags, { customerInternalId }, ctx);
      expect(flags.flags.map((f) => f.code)).toContain("DPD");
      const picture = await runAccountPicture(createSources(db.sql).picture, { customerInternalId }, ctx);
      expect(picture).toMatchObject({ hasPicture: true, contentType: "image/png" });
      const profile = await runProfileCompletion(
        createSources(db.sql).profileComplete,
        { customerInternalId },
        ctx,
      );
      expect(profile).toMatchObject({ percentage: 100, band: "green", next: null });
    }
  });

  it("lifecycle, pending activities of every kind, portfolio and suggestions", async () => {
    for (const customerInternalId of samples) {
      const lifecycle = await runClientLifecycle(
        createSources(db.sql).lifecycle,
        { customerInternalId },
        ctx,
      );
      expect(lifecycle).toMatchObject({ stage: "Active" });
      expect((lifecycle as { events: unknown[] }).events.length).toBeGreaterThan(0);
      const pending = await runPendingActivities(
        createSources(db.sql).pendingActivities,
        { customerInternalId },
        ctx,
      );
      expect(new Set(pending.items.map((i) => i.kind))).toEqual(
        new Set(["application", "task", "agreement", "instalment"]),
      );
      const portfolio = await runProductPortfolio(
        createSources(db.sql).productPortfolio,
        { customerInternalId },
        ctx,
      );
      expect(portfolio.assets.length).toBeGreaterThan(0);
      expect(portfolio.liabilities.length).toBeGreaterThan(0);
      expect(portfolio.totals.length).toBeGreaterThan(0);
      const suggestions = await runProductSuggestions(
        createSources(db.sql).productSuggestions,
        { accountId: customerInternalId },
        ctx,
      );
      expect(suggestions.suppressed).toBeNull();
      expect(suggestions.suggestions.some((s) => s.source === "campaign")).toBe(true);
    }
  });

  it("profitability, interactions, revenues and transaction values over the last year", async () => {
    for (const customerInternalId of samples) {
      for (const indicatorName of PROFITABILITY_INDICATORS) {
        const series = await runAccountProfitability(
          createSources(db.sql).profitability,
          { customerInternalId, indicatorName },
          ctx,
        );
        expect(series.months.filter((m) => m.value !== null).length).toBeGreaterThanOrEqual(11);
        expect(series.change).not.toBeNull();
      }
      const range = { customerInternalId, fromDate: yearBefore, toDate: anchor };
      const interactions = await runRecentInteractions(createSources(db.sql).recentInteractions, range, ctx);
      expect(interactions.items.length).toBeGreaterThan(0);
      const period = { customerInternalId, startDate: yearBefore, endDate: anchor };
      const revenues = await runAccountRevenues(createSources(db.sql).revenues, period, ctx);
      expect(revenues.currencyTotals.length).toBeGreaterThan(0);
      expect(revenues.months.filter((m) => m.totals.length > 0).length).toBeGreaterThanOrEqual(12);
      const values = await runTransactionValues(createSources(db.sql).transactionValues, period, ctx);
      expect(values.rows.length).toBeGreaterThan(3);
    }
  });
});
