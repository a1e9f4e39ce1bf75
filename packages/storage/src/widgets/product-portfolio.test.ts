import { productPortfolio, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { describe, expect, it } from "vitest";
import { expectCustomerRefusals, externalId, insertCustomer } from "../ingest/test-kit";
import { contracts } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { productPortfolioSource } from "./product-portfolio";

const runProductPortfolio = (source: Sources["productPortfolio"], input: unknown, ctx?: RunOptions) =>
  runAction(productPortfolio, { productPortfolio: source }, input, ctx);

const handle = testDatabaseOfFile();

const now = new Date("2025-06-15T10:00:00Z");

const contract = (customerId: string, fields: Partial<typeof contracts.$inferInsert>) => ({
  customerId,
  externalId: externalId(),
  contractNo: `C-${externalId().slice(0, 8)}`,
  category: "Loan",
  bankingProduct: "Personal loan",
  balance: "0.00",
  currency: "RON",
  status: "Active",
  activationDate: "2024-01-10",
  ...fields,
});

describe("FTOS_ACC_ProductPortfolio", () => {
  it("lists active and inactive holdings by side and totals only active balances per currency and side", async () => {
    const id = await insertCustomer(handle.db);
    await handle.db.insert(contracts).values([
      contract(id, {
        contractNo: "L1",
        category: "Loan",
        amount: "10000.00",
        balance: "7500.10",
        interestRate: "7.2500",
      }),
      contract(id, { contractNo: "M1", category: "Mortgage", balance: "250000.05", currency: "EUR" }),
      contract(id, { contractNo: "K1", category: "Credit Card", balance: "0.20" }),
      // Closed, closed yesterday, and not yet activated: listed, never totalled.
      contract(id, {
        contractNo: "L0",
        category: "Loan",
        status: "Closed",
        balance: "999.00",
        closeDate: "2025-01-01",
      }),
      contract(id, {
        contractNo: "L2",
        category: "loan",
        status: "active",
        balance: "111.00",
        closeDate: "2025-06-14",
      }),
      contract(id, { contractNo: "L3", category: "Loan", balance: "222.00", activationDate: "2025-06-16" }),
      contract(id, { contractNo: "S1", category: "Savings", balance: "0.10" }),
      contract(id, {
        contractNo: "S2",
        category: "Savings account",
        balance: "0.20",
        closeDate: "2025-06-15",
      }),
      contract(id, { contractNo: "D1", category: "Deposit", balance: "5000.00", currency: "EUR" }),
      contract(id, { contractNo: "X1", category: "Safe box", balance: "1.00" }),
    ]);

    const answer = await runProductPortfolio(
      productPortfolioSource(handle.sql),
      { customerInternalId: id },
      { now },
    );

    expect(answer.assets.map((h) => [h.contractNo, h.active])).toEqual([
      ["K1", true],
      ["L1", true],
      ["M1", true],
      ["L3", false],
      ["L0", false],
      ["L2", false],
    ]);
    expect(answer.liabilities.map((h) => h.contractNo).sort()).toEqual(["D1", "S1", "S2"]);
    expect(answer.other.map((h) => h.contractNo)).toEqual(["X1"]);
    expect(answer.totals).toEqual([
      { side: "assets", currency: "EUR", amount: "250000.05", holdings: 1 },
      { side: "assets", currency: "RON", amount: "7500.30", holdings: 2 },
      { side: "liabilities", currency: "EUR", amount: "5000.00", holdings: 1 },
      { side: "liabilities", currency: "RON", amount: "0.30", holdings: 2 },
    ]);
    expect(answer.assets.find((h) => h.contractNo === "L1")).toEqual({
      contractNo: "L1",
      bankingProduct: "Personal loan",
      category: "Loan",
      kind: "loan",
      amount: "10000.00",
      balance: "7500.10",
      currency: "RON",
      status: "Active",
      active: true,
      activationDate: "2024-01-10",
      closeDate: null,
      interestRate: "7.25",
    });
    expect(answer.asOf).toBe(now.toISOString());
  });

  it("answers empty lists for a customer without contracts", async () => {
    const id = await insertCustomer(handle.db);
    const answer = await runProductPortfolio(
      productPortfolioSource(handle.sql),
      { customerInternalId: id },
      { now },
    );
    expect(answer).toMatchObject({ assets: [], liabilities: [], other: [], totals: [] });
  });

  it("is 400 without a customer id and 404 for an unknown customer", async () => {
    const source = productPortfolioSource(handle.sql);
    await expectCustomerRefusals((input) => runProductPortfolio(source, input, { now }));
  });
});
