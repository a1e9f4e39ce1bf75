import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRouterHarness } from "../test/router-harness";

let harness: Awaited<ReturnType<typeof openRouterHarness>>;
let readerToken = "";
let writerToken = "";
let customerId = "";

beforeAll(async () => {
  harness = await openRouterHarness();
  [readerToken, writerToken] = await Promise.all([
    harness.userToken("search.reader", ["reader"]),
    harness.userToken("search.writer", ["writer"]),
  ]);
  const created = await harness.caller({ token: writerToken }).customers.upsertIndividual({
    CustomerInfo: {
      firstName: "Ioana",
      lastName: "Searchable",
      UniqueID: "SRCH-0001",
      email: "ioana@example.ro",
      mobilePhone: "0712 000 111",
    },
  });
  customerId = created.customerInternalId;
});
afterAll(async () => {
  await harness?.close();
});

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe("customers.search over tRPC", () => {
  it("finds a customer written through customers.upsertIndividual, for a reader", async () => {
    const reader = harness.caller({ token: readerToken });
    for (const query of ["searchable io", "srch-00", "0712000", "IOANA@ex"]) {
      const { items } = await reader.customers.search({ query });
      expect(items.map((i) => i.customerInternalId)).toEqual([customerId]);
    }
    const { items } = await reader.customers.search({ query: "ioana searchable" });
    expect(items[0]).toMatchObject({ fullName: "Ioana Searchable", uniqueIdMasked: "*****0001" });
  });

  it("needs the reader role and a token, and names a bad query", async () => {
    expect(await codeOf(harness.caller({}).customers.search({ query: "io" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(harness.caller({ token: writerToken }).customers.search({ query: "io" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(harness.caller({ token: readerToken }).customers.search({ query: "i" }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("lists the customer's profitability indicators for the picker, sorted and each once", async () => {
    const writer = harness.caller({ token: writerToken });
    const other = await writer.customers.upsertIndividual({
      CustomerInfo: {
        firstName: "Radu",
        lastName: "Nofigures",
        UniqueID: "PICK-0002",
        email: "radu@example.ro",
        mobilePhone: "0712 999 222",
      },
    });
    const value = (externalId: string, indicator: string, month: string, owner = customerId) => ({
      externalId,
      customerInternalId: owner,
      indicator,
      month,
      value: "12.5",
    });
    await writer.ingest.profitabilityValues({
      rows: [
        value("PI-1", "Net Margin", "2025-01"),
        value("PI-2", "Net Margin", "2025-02"),
        value("PI-3", "Cost of Risk", "2025-01"),
        value("PI-4", "Fee Income", "2025-02"),
      ],
    });
    const reader = harness.caller({ token: readerToken });
    const answer = await reader.widgets.profitabilityIndicators({ customerInternalId: customerId });
    expect(answer).toMatchObject({
      customerInternalId: customerId,
      indicators: ["Cost of Risk", "Fee Income", "Net Margin"],
    });
    const none = await reader.widgets.profitabilityIndicators({
      customerInternalId: other.customerInternalId,
    });
    expect(none.indicators).toEqual([]);
  });
});
