import { describe, expect, it } from "vitest";
import { shapeExposure } from "./group-exposure";

describe("shapeExposure", () => {
  it("puts each category on its side and sums members and group exactly, per currency", () => {
    const [group] = shapeExposure([
      {
        customerInternalId: "g",
        name: "Group",
        members: [
          {
            customerInternalId: "a",
            name: "A SRL",
            role: "Parent company",
            balances: [
              { category: "loan", currency: "RON", amount: "0.10" },
              { category: "mortgage", currency: "RON", amount: "0.20" },
              { category: "current", currency: "EUR", amount: "99999999999.99" },
              { category: "leasing", currency: "RON", amount: "5.00" },
            ],
          },
          {
            customerInternalId: "b",
            name: "B SRL",
            role: "Subsidiary",
            balances: [
              { category: "card", currency: "RON", amount: "0.7" },
              { category: "deposit", currency: "EUR", amount: "0.01" },
            ],
          },
          { customerInternalId: "c", name: "C SA", role: "Member", balances: [] },
        ],
      },
    ]);
    expect(group?.members[0]).toEqual({
      customerInternalId: "a",
      name: "A SRL",
      role: "Parent company",
      assets: [{ currency: "RON", amount: "0.30" }],
      liabilities: [{ currency: "EUR", amount: "99999999999.99" }],
    });
    expect(group?.members[2]).toMatchObject({ assets: [], liabilities: [] });
    // A float sum would answer 1.0000000000000002 and 100000000000.00000001 would not fit.
    expect(group?.totals).toEqual([
      { currency: "RON", side: "assets", amount: "1.00" },
      { currency: "EUR", side: "liabilities", amount: "100000000000.00" },
    ]);
  });
});
