import { accountProfitabilityIndicators, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { describe, expect, it } from "vitest";
import { externalId, insertCustomer, unknownCustomerId } from "../ingest/test-kit";
import { profitabilityValues } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { profitabilityIndicatorsSource } from "./profitability-indicators";

const runProfitabilityIndicators = (
  source: Sources["profitabilityIndicators"],
  input: unknown,
  ctx?: RunOptions,
) => runAction(accountProfitabilityIndicators, { profitabilityIndicators: source }, input, ctx);

const handle = testDatabaseOfFile();

const now = new Date("2025-06-30T12:00:00Z");
const indicators = (customerInternalId: string) =>
  runProfitabilityIndicators(profitabilityIndicatorsSource(handle.sql), { customerInternalId }, { now });

describe("widgets.profitabilityIndicators", () => {
  it("lists the customer's own indicators once each, sorted, and nobody else's", async () => {
    const mine = await insertCustomer(handle.db);
    const other = await insertCustomer(handle.db);
    const value = (customerId: string, indicator: string, month: string) => ({
      customerId,
      externalId: externalId(),
      indicator,
      month,
      value: "1.5",
    });
    await handle.db
      .insert(profitabilityValues)
      .values([
        value(mine, "Revenue", "2025-05-01"),
        value(mine, "Revenue", "2025-06-01"),
        value(mine, "Net Interest Margin", "2024-01-01"),
        value(other, "Cost to Serve", "2025-06-01"),
      ]);
    expect(await indicators(mine)).toEqual({
      customerInternalId: mine,
      indicators: ["Net Interest Margin", "Revenue"],
      asOf: "2025-06-30T12:00:00.000Z",
    });
    expect((await indicators(await insertCustomer(handle.db))).indicators).toEqual([]);
  });

  it("answers 404 for an unknown customer and 400 without one", async () => {
    await expect(indicators(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(indicators("")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
