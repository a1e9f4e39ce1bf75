import {
  accountClientLifecycle,
  accountFlags,
  accountHeader,
  accountPendingActivities,
  accountPicture,
  DEFAULT_WIDGET_SETTINGS,
  getAccountProfitability,
  getAccountRevenues,
  getCustomerTransactionValues,
  getProductPortfolio,
  getProductSuggestions,
  getRecentInteractions,
  profileComplete,
} from "@account360/core";
import {
  accountClientLifecycleSource,
  accountFlagsSource,
  accountHeaderSource,
  accountPendingActivitiesSource,
  accountPictureSource,
  productPortfolioSource,
  productSuggestionsSource,
  profileCompleteSource,
  profitabilitySource,
  recentInteractionsSource,
  revenuesSource,
  transactionValuesSource,
} from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "./load";
import { PROFITABILITY_INDICATORS } from "./vocab";

const anchor = "2026-06-30";
const ctx = { now: new Date(`${anchor}T12:00:00Z`), settings: DEFAULT_WIDGET_SETTINGS };
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
      const header = await accountHeader(accountHeaderSource(db.db), { customerInternalId }, ctx);
      expect(header.primaryAddress).not.toBeNull();
      expect(header.activeProducts).toBeGreaterThan(0);
      const flags = await accountFlags(accountFlagsSource(db.db), { customerInternalId }, ctx);
      expect(flags.flags.map((f) => f.code)).toContain("DPD");
      const picture = await accountPicture(accountPictureSource(db.db), { customerInternalId }, ctx);
      expect(picture).toMatchObject({ hasPicture: true, contentType: "image/png" });
      const profile = await profileComplete(profileCompleteSource(db.db), { customerInternalId }, ctx);
      expect(profile).toMatchObject({ percentage: 100, band: "green", next: null });
    }
  });

  it("lifecycle, pending activities of every kind, portfolio and suggestions", async () => {
    for (const customerInternalId of samples) {
      const lifecycle = await accountClientLifecycle(
        accountClientLifecycleSource(db.db),
        { customerInternalId },
        ctx,
      );
      expect(lifecycle).toMatchObject({ stage: "Active" });
      expect((lifecycle as { events: unknown[] }).events.length).toBeGreaterThan(0);
      const pending = await accountPendingActivities(
        accountPendingActivitiesSource(db.db),
        { customerInternalId },
        ctx,
      );
      expect(new Set(pending.items.map((i) => i.kind))).toEqual(
        new Set(["application", "task", "agreement", "instalment"]),
      );
      const portfolio = await getProductPortfolio(productPortfolioSource(db.db), { customerInternalId }, ctx);
      expect(portfolio.assets.length).toBeGreaterThan(0);
      expect(portfolio.liabilities.length).toBeGreaterThan(0);
      expect(portfolio.totals.length).toBeGreaterThan(0);
      const suggestions = await getProductSuggestions(
        productSuggestionsSource(db.db),
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
        const series = await getAccountProfitability(
          profitabilitySource(db.db),
          { customerInternalId, indicatorName },
          ctx,
        );
        expect(series.months.filter((m) => m.value !== null).length).toBeGreaterThanOrEqual(11);
        expect(series.change).not.toBeNull();
      }
      const range = { customerInternalId, fromDate: yearBefore, toDate: anchor };
      const interactions = await getRecentInteractions(recentInteractionsSource(db.db), range, ctx);
      expect(interactions.items.length).toBeGreaterThan(0);
      const period = { customerInternalId, startDate: yearBefore, endDate: anchor };
      const revenues = await getAccountRevenues(revenuesSource(db.db), period, ctx);
      expect(revenues.currencyTotals.length).toBeGreaterThan(0);
      expect(revenues.months.filter((m) => m.totals.length > 0).length).toBeGreaterThanOrEqual(12);
      const values = await getCustomerTransactionValues(transactionValuesSource(db.db), period, ctx);
      expect(values.rows.length).toBeGreaterThan(3);
    }
  });
});
