import { describe, expect, it } from "vitest";
import { parseInput } from "../rules/edge-input";
import { orderTransactionValues, transactionValuesInput } from "./transaction-values";

describe("transactionValuesInput", () => {
  it("answers option values and currencies in their canonical spelling", () => {
    const parsed = parseInput(transactionValuesInput, {
      customerInternalId: "0B4C6A8E-8D0F-4F7E-9A57-3C3A8B2F1E10",
      startDate: "2025-01-01",
      endDate: "2025-01-31",
      direction: "outgoing",
      interIntra: "INTRA",
      currencyId: "eur",
      transactionIndicators: '["Salary"]',
    });
    expect(parsed).toMatchObject({
      customerInternalId: "0b4c6a8e-8d0f-4f7e-9a57-3c3a8b2f1e10",
      direction: "Outgoing",
      interIntra: "Intra",
      currencyId: "EUR",
      transactionIndicators: ["Salary"],
    });
    expect(parseInput(transactionValuesInput, parsed)).toEqual(parsed);
  });
});

describe("orderTransactionValues", () => {
  it("orders rows by indicator then Incoming before Outgoing, totals by currency then direction", () => {
    const row = (indicator: string, direction: string, currency = "RON") => ({
      indicator,
      direction,
      interIntra: "Inter",
      currency,
      count: 1,
      amount: "1",
    });
    const ordered = orderTransactionValues({
      rows: [row("B", "Outgoing"), row("B", "Incoming"), row("A", "Outgoing")],
      totals: [
        { currency: "RON", direction: "Outgoing", count: 1, amount: "1" },
        { currency: "EUR", direction: "Incoming", count: 1, amount: "2.5" },
      ],
    });
    expect(ordered.rows.map((r) => `${r.indicator}/${r.direction}/${r.amount}`)).toEqual([
      "A/Outgoing/1.00",
      "B/Incoming/1.00",
      "B/Outgoing/1.00",
    ]);
    expect(ordered.totals.map((t) => `${t.currency}/${t.amount}`)).toEqual(["EUR/2.50", "RON/1.00"]);
  });
});
