import { describe, expect, it } from "vitest";
import { holdingKindOf, isActiveHolding } from "./holdings";
import { type PortfolioContractRow, shapePortfolio } from "./product-portfolio";

const today = "2025-06-15";
const row = (fields: Partial<PortfolioContractRow>): PortfolioContractRow => ({
  contractNo: "C1",
  bankingProduct: "Product",
  category: "Loan",
  amount: null,
  balance: "0.00",
  currency: "RON",
  status: "Active",
  activationDate: "2024-01-01",
  closeDate: null,
  interestRate: null,
  ...fields,
});

describe("holdings", () => {
  it("take their kind from free-text categories", () => {
    expect(
      [
        "Loan",
        "Mortgage loan",
        "Credit Card",
        "overdraft",
        "Current account",
        "Savings deposit",
        "Term Deposit",
        "Safe box",
      ].map(holdingKindOf),
    ).toEqual(["loan", "mortgage", "card", "overdraft", "current", "savings", "deposit", null]);
  });

  it("are active from activation through their close date, with an active status", () => {
    expect(isActiveHolding({ status: "ACTIVE", activationDate: today, closeDate: today }, today)).toBe(true);
    expect(isActiveHolding({ status: "Active", activationDate: "2025-06-16", closeDate: null }, today)).toBe(
      false,
    );
    expect(
      isActiveHolding({ status: "Active", activationDate: "2020-01-01", closeDate: "2025-06-14" }, today),
    ).toBe(false);
    expect(isActiveHolding({ status: "Closed", activationDate: "2020-01-01", closeDate: null }, today)).toBe(
      false,
    );
  });
});

describe("shapePortfolio", () => {
  it("totals active balances per side and currency exactly, and lists the rest", () => {
    const shaped = shapePortfolio(
      [
        row({ contractNo: "A", balance: "0.10" }),
        row({ contractNo: "B", category: "Card", balance: "0.20" }),
        row({ contractNo: "C", category: "Overdraft", balance: "5.00", currency: "EUR" }),
        row({ contractNo: "D", balance: "1000.00", status: "Closed" }),
        row({ contractNo: "E", category: "Savings", balance: "99999999999.99" }),
        row({ contractNo: "F", category: "Deposit", balance: "0.01" }),
        row({ contractNo: "G", category: "Insurance", balance: "7.00" }),
      ],
      today,
    );
    expect(shaped.totals).toEqual([
      { side: "assets", currency: "EUR", amount: "5.00", holdings: 1 },
      { side: "assets", currency: "RON", amount: "0.30", holdings: 2 },
      { side: "liabilities", currency: "RON", amount: "100000000000.00", holdings: 2 },
    ]);
    expect(shaped.assets.map((h) => h.contractNo)).toEqual(["A", "B", "C", "D"]);
    expect(shaped.assets.at(-1)?.active).toBe(false);
    expect(shaped.other.map((h) => h.contractNo)).toEqual(["G"]);
  });
});
