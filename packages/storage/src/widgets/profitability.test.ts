import { accountProfitabilityPI, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { describe, expect, it } from "vitest";
import { externalId, insertCustomer, unknownCustomerId } from "../ingest/test-kit";
import { profitabilityValues } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { profitabilitySource } from "./profitability";

const runAccountProfitability = (source: Sources["profitability"], input: unknown, ctx?: RunOptions) =>
  runAction(accountProfitabilityPI, { profitability: source }, input, ctx);

const handle = testDatabaseOfFile();

const now = new Date("2025-03-20T10:00:00Z");

async function values(customerId: string, indicator: string, byMonth: Record<string, string>) {
  await handle.db.insert(profitabilityValues).values(
    Object.entries(byMonth).map(([month, value]) => ({
      customerId,
      externalId: externalId(),
      indicator,
      month: `${month}-01`,
      value,
    })),
  );
}

describe("FTOS_ACC_AccountProfitabilityPI", () => {
  it("answers the last 12 months oldest first, null where a month has no value, with latest and change", async () => {
    const id = await insertCustomer(handle.db);
    await values(id, "Net Margin", {
      "2024-03": "999.0000", // 13 months back: outside the window
      "2024-04": "100.5000",
      "2024-12": "-20.0000",
      "2025-02": "30.1234",
      "2025-04": "55.0000", // next month: outside the window
    });
    const answer = await runAccountProfitability(
      profitabilitySource(handle.sql),
      { customerInternalId: id, indicatorName: "net margin" },
      { now },
    );
    expect(answer.indicatorName).toBe("Net Margin");
    expect(answer.months).toHaveLength(12);
    expect(answer.months[0]).toEqual({ month: "2024-04", value: "100.50" });
    expect(answer.months[11]).toEqual({ month: "2025-03", value: null });
    expect(answer.months.filter((m) => m.value !== null)).toEqual([
      { month: "2024-04", value: "100.50" },
      { month: "2024-12", value: "-20.00" },
      { month: "2025-02", value: "30.1234" },
    ]);
    expect(answer.latest).toEqual({ month: "2025-02", value: "30.1234" });
    expect(answer.change).toEqual({
      previousMonth: "2024-12",
      previousValue: "-20.00",
      absolute: "50.1234",
      percent: "250.62",
      direction: "up",
    });
  });

  it("answers twelve empty months for an indicator the customer has no value of", async () => {
    const other = await insertCustomer(handle.db);
    await values(other, "Fee Income", { "2025-01": "1.00" });
    const id = await insertCustomer(handle.db);
    const answer = await runAccountProfitability(
      profitabilitySource(handle.sql),
      { customerInternalId: id, indicatorName: "FEE INCOME" },
      { now },
    );
    expect(answer.indicatorName).toBe("Fee Income");
    expect(answer.months.map((m) => m.value)).toEqual(Array(12).fill(null));
    expect(answer).toMatchObject({ latest: null, change: null });
  });

  it("is 404 for an unknown indicator, listing the known ones", async () => {
    const id = await insertCustomer(handle.db);
    await values(id, "Net Margin", { "2025-01": "1.00" });
    const error = await runAccountProfitability(
      profitabilitySource(handle.sql),
      { customerInternalId: id, indicatorName: "Net Margn" },
      { now },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "indicatorName" }] });
    expect((error as Error).message).toMatch(/Net Margn/);
    expect((error as Error).message).toMatch(/Net Margin/);
  });

  it("is 400 without a customer id or indicator and 404 for an unknown customer", async () => {
    const source = profitabilitySource(handle.sql);
    await expect(runAccountProfitability(source, {} as never, { now })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [
        { field: "customerInternalId", message: "customerInternalId is required" },
        { field: "indicatorName", message: "indicatorName is required" },
      ],
    });
    await expect(
      runAccountProfitability(
        source,
        { customerInternalId: unknownCustomerId, indicatorName: "Net Margin" },
        { now },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "customerInternalId" }] });
  });
});
