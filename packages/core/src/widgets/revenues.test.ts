import { describe, expect, it } from "vitest";
import { shapeRevenues } from "./revenues";

describe("shapeRevenues", () => {
  it("gives every month the range touches, oldest first, empty ones with no totals", () => {
    const shaped = shapeRevenues("2024-11-30", "2025-02-01", {
      byCurrency: [
        { currency: "RON", amount: "3.00" },
        { currency: "EUR", amount: "1.5" },
      ],
      byMonth: [
        { month: "2025-02", currency: "RON", amount: "3.00" },
        { month: "2024-11", currency: "EUR", amount: "1.50" },
      ],
      byCategory: [
        { category: "Interest", currency: "RON", amount: "3.00" },
        { category: "Fees", currency: "EUR", amount: "1.50" },
      ],
    });
    expect(shaped.months).toEqual([
      { month: "2024-11", totals: [{ currency: "EUR", amount: "1.50" }] },
      { month: "2024-12", totals: [] },
      { month: "2025-01", totals: [] },
      { month: "2025-02", totals: [{ currency: "RON", amount: "3.00" }] },
    ]);
    expect(shaped.currencyTotals).toEqual([
      { currency: "EUR", amount: "1.50" },
      { currency: "RON", amount: "3.00" },
    ]);
    expect(shaped.byCategory.map((c) => c.category)).toEqual(["Fees", "Interest"]);
  });
});
