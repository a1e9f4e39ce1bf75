import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { runAction } from "../testing/run-action";
import {
  type ProductSuggestionsSource,
  rankSuggestions,
  type SuggestionFacts,
  suppressionOf,
} from "./product-suggestions";
import { dismissProductSuggestion } from "./product-suggestions-dismiss";
import { hasActiveAgreementOfType } from "./product-suggestions-rules";

const today = "2025-06-15";
const holding = (category: string, status = "Active") => ({
  category,
  status,
  activationDate: "2020-01-01",
  closeDate: null,
});
const facts = (fields: Partial<SuggestionFacts>): SuggestionFacts => ({
  holdings: [],
  openOffers: [],
  agreements: [],
  ...fields,
});

describe("rankSuggestions", () => {
  it("suggests the products the customer lacks, best score first", () => {
    expect(rankSuggestions(facts({}), today).map((s) => s.id)).toEqual([
      "rule:current-account",
      "rule:savings-account",
    ]);
    expect(
      rankSuggestions(facts({ holdings: [holding("Current account")] }), today).map((s) => s.id),
    ).toEqual(["rule:savings-account", "rule:card"]);
    const saver = facts({ holdings: [holding("Current"), holding("Debit card"), holding("Savings")] });
    expect(rankSuggestions(saver, today).map((s) => s.id)).toEqual(["rule:term-deposit"]);
  });

  it("counts only active holdings as held", () => {
    const closed = facts({ holdings: [holding("Current account", "Closed")] });
    expect(rankSuggestions(closed, today).map((s) => s.id)).toContain("rule:current-account");
  });

  it("puts campaigns among the rules by score, ahead on a tie, and drops a rule a campaign already covers", () => {
    const ranked = rankSuggestions(
      facts({
        holdings: [holding("Current account")],
        openOffers: [
          { id: "o1", product: "Platinum Card", campaign: "Spring", score: 50, availableUntil: "2025-07-01" },
          { id: "o2", product: "Personal loan", campaign: "Autumn", score: 60, availableUntil: null },
        ],
      }),
      today,
    );
    expect(ranked.map((s) => [s.id, s.score])).toEqual([
      ["o2", 60],
      ["rule:savings-account", 60],
      ["o1", 50],
    ]);
    expect(ranked[2]?.reason).toBe('Offered by the campaign "Spring" until 2025-07-01.');
  });
});

describe("marketing consent", () => {
  const consent = (agreementType: string, startDate: string, endDate: string | null = null) => ({
    agreementType,
    startDate,
    endDate,
  });

  it("is active from its start through its end date, its type matched whole and case-insensitively", () => {
    const types = ["Marketing Consent"];
    expect(hasActiveAgreementOfType([consent("marketing consent", today, today)], types, today)).toBe(true);
    expect(hasActiveAgreementOfType([consent("Marketing Consent", "2025-06-16")], types, today)).toBe(false);
    expect(
      hasActiveAgreementOfType([consent("Marketing Consent", "2020-01-01", "2025-06-14")], types, today),
    ).toBe(false);
    expect(hasActiveAgreementOfType([consent("Marketing", "2020-01-01")], types, today)).toBe(false);
  });

  it("suppresses suggestions with a sentence when missing", () => {
    expect(suppressionOf([], ["Marketing Consent"], today)).toBe(
      "Product suggestions are hidden because the customer has no active marketing consent (Marketing Consent).",
    );
    expect(
      suppressionOf([consent("Marketing Consent", "2020-01-01")], ["Marketing Consent"], today),
    ).toBeNull();
  });
});

describe("dismissSuggestion", () => {
  const source: ProductSuggestionsSource = {
    factsOf: async () => null,
    dismissOffer: async () => ({ dismissedAt: "2025-06-15T00:00:00.000Z", changed: true }),
    customerExists: async () => true,
  };
  const accountId = "0b4c6a8e-8d0f-4f7e-9a57-3c3a8b2f1e10";

  it("refuses a rule-based suggestion with a reason, and a missing id by name", async () => {
    const dismiss = (input: unknown) =>
      runAction(dismissProductSuggestion, { productSuggestions: source }, input, { userName: "ana" });
    const error = await dismiss({ accountId, suggestionId: "rule:card" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ field: "suggestionId" }] });
    expect(error.message).toMatch(/rule-based/);
    await expect(dismiss({ accountId })).rejects.toMatchObject({
      fieldErrors: [{ field: "suggestionId", message: "suggestionId is required" }],
    });
  });
});
