import { DEFAULT_SETTINGS, dismissSuggestion, getProductSuggestions, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { externalId, insertCustomer, unknownCustomerId } from "../ingest/test-kit";
import { agreements, auditLog, campaignOffers, contracts } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { productSuggestionsSource } from "./product-suggestions";

const runProductSuggestions = (source: Sources["productSuggestions"], input: unknown, ctx?: RunOptions) =>
  runAction(getProductSuggestions, { productSuggestions: source }, input, ctx);

const handle = testDatabaseOfFile();

const now = new Date("2025-06-15T10:00:00Z");
const ctx = { now, settings: { ...DEFAULT_SETTINGS, marketingConsentTypes: ["Marketing Consent"] } };

async function consent(customerId: string, fields: Partial<typeof agreements.$inferInsert> = {}) {
  await handle.db.insert(agreements).values({
    customerId,
    agreementType: "marketing consent",
    startDate: "2025-01-01",
    sourceId: "web",
    fingerprint: externalId(),
    ...fields,
  });
}

async function offer(customerId: string, fields: Partial<typeof campaignOffers.$inferInsert> = {}) {
  const [row] = await handle.db
    .insert(campaignOffers)
    .values({
      customerId,
      externalId: externalId(),
      product: "Gold credit card",
      campaign: "Summer",
      status: "Open",
      ...fields,
    })
    .returning({ id: campaignOffers.id });
  return row!.id;
}

async function currentAccount(customerId: string) {
  await handle.db.insert(contracts).values({
    customerId,
    externalId: externalId(),
    contractNo: externalId(),
    category: "Current account",
    bankingProduct: "Everyday",
    balance: "10.00",
    currency: "RON",
    status: "Active",
    activationDate: "2020-01-01",
  });
}

describe("FTOS_ACC_GetProductSuggestions", () => {
  it("ranks open campaign offers and the rules for products the customer lacks, with reasons", async () => {
    const id = await insertCustomer(handle.db);
    await consent(id);
    await currentAccount(id);
    const summer = await offer(id, { product: "Personal loan", score: 90, availableUntil: "2025-06-15" });
    const source = productSuggestionsSource(handle.sql);

    const answer = await runProductSuggestions(source, { accountId: id }, ctx);

    expect(answer.suppressed).toBeNull();
    expect(answer.suggestions.map((s) => [s.id, s.source, s.product, s.score])).toEqual([
      [summer, "campaign", "Personal loan", 90],
      ["rule:savings-account", "rule", "Savings account", 60],
      ["rule:card", "rule", "Debit card", 55],
    ]);
    expect(answer.suggestions[0]?.reason).toContain("Summer");
    expect(answer.suggestions.every((s) => s.reason.length > 0)).toBe(true);
  });

  it("hides offers past availableUntil, closed ones and dismissed ones", async () => {
    const id = await insertCustomer(handle.db);
    await consent(id);
    const open = await offer(id, { availableUntil: "2025-07-01" });
    await offer(id, { availableUntil: "2025-06-14" });
    await offer(id, { status: "Accepted" });
    const source = productSuggestionsSource(handle.sql);
    const campaignIds = async () =>
      (await runProductSuggestions(source, { accountId: id }, ctx)).suggestions
        .filter((s) => s.source === "campaign")
        .map((s) => s.id);

    expect(await campaignIds()).toEqual([open]);

    const later = new Date("2025-06-16T08:00:00Z");
    const first = await dismissSuggestion(
      source,
      { accountId: id, suggestionId: open },
      { now: later, userName: "ana" },
    );
    expect(first).toEqual({ suggestionId: open, dismissedAt: later.toISOString(), operation: "updated" });
    expect(await campaignIds()).toEqual([]);

    const again = await dismissSuggestion(
      source,
      { accountId: id, suggestionId: open },
      { now: ctx.now, userName: "ana" },
    );
    expect(again).toEqual({ suggestionId: open, dismissedAt: later.toISOString(), operation: "unchanged" });
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, open), eq(auditLog.customerId, id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      userName: "ana",
      action: "FTOS_ACC_DismissProductSuggestion",
      operation: "updated",
    });
  });

  it("is empty with a reason without an active marketing consent", async () => {
    const source = productSuggestionsSource(handle.sql);
    const suppressedFor = async (agreement: Partial<typeof agreements.$inferInsert> | null) => {
      const id = await insertCustomer(handle.db);
      await offer(id);
      if (agreement) await consent(id, agreement);
      return runProductSuggestions(source, { accountId: id }, ctx);
    };
    for (const agreement of [
      null,
      { endDate: "2025-06-14" },
      { startDate: "2025-06-16" },
      { agreementType: "GDPR Consent" },
      { agreementType: "Marketing Consent (old)" },
    ]) {
      const answer = await suppressedFor(agreement);
      expect(answer.suggestions).toEqual([]);
      expect(answer.suppressed).toMatch(/no active marketing consent/);
    }
    const endsToday = await suppressedFor({ endDate: "2025-06-15", agreementType: " MARKETING CONSENT " });
    expect(endsToday.suppressed).toBeNull();
    expect(endsToday.suggestions.length).toBeGreaterThan(0);
  });

  it("dismissing is 404 for an offer of another customer and changes nothing", async () => {
    const owner = await insertCustomer(handle.db);
    const other = await insertCustomer(handle.db);
    const theirs = await offer(owner);
    const source = productSuggestionsSource(handle.sql);
    await expect(
      dismissSuggestion(source, { accountId: other, suggestionId: theirs }, { now, userName: "ana" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "suggestionId" }] });
    await expect(
      dismissSuggestion(
        source,
        { accountId: unknownCustomerId, suggestionId: theirs },
        { now, userName: "ana" },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "accountId" }] });
    const [row] = await handle.db.select().from(campaignOffers).where(eq(campaignOffers.id, theirs));
    expect(row?.dismissedAt).toBeNull();
  });

  it("is 400 without an accountId and 404 for an unknown customer", async () => {
    const source = productSuggestionsSource(handle.sql);
    await expect(runProductSuggestions(source, null as never, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "accountId", message: "accountId is required" }],
    });
    await expect(runProductSuggestions(source, { accountId: unknownCustomerId }, ctx)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
