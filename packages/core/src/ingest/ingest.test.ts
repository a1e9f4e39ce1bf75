import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { parseInput } from "../rules/edge-input";
import { exampleCustomer as customer, ingestExamples as samples } from "../testing/ingest-examples";
import { runAction } from "../testing/run-action";
import {
  INGEST_KINDS,
  type IngestKind,
  type IngestRow,
  type IngestStore,
  ingestActionOf,
  ingestBatchInput,
  ingestKinds,
  MAX_INGEST_ROWS,
} from "./ingest";

/** What the edge makes of a batch's rows. */
const parseIngestRows = <K extends IngestKind>(kind: K, rows: unknown) =>
  parseInput(ingestBatchInput(kind), { rows }).rows as IngestRow<K>[];
describe("ingest row schemas", () => {
  it("has a sample for every kind", () => {
    expect(Object.keys(samples).sort()).toEqual([...INGEST_KINDS].sort());
  });

  it.each(INGEST_KINDS)("%s: accepts a valid row, and its output parses to itself", (kind) => {
    const [row] = parseIngestRows(kind, [samples[kind]]);
    expect(row).toBeDefined();
    expect(parseIngestRows(kind, [row])).toEqual([row]);
    expect(ingestBatchInput(kind).parse({ rows: [row] }).rows).toEqual([row]);
  });

  it("stores canonical values: ids lower-case, exact decimal strings, upper-case currencies, UTC dates, option spellings", () => {
    const [contract] = parseIngestRows("contracts", [samples.contracts]);
    expect(contract).toEqual({
      externalId: "K-1",
      customerInternalId: customer,
      contractNo: "L-001",
      category: "loan",
      bankingProduct: "Personal Loan",
      amount: "25000.00",
      balance: "-12.50",
      currency: "RON",
      status: "active",
      activationDate: "2024-01-11",
      closeDate: null,
      interestRate: "7.25",
    });
    expect(parseIngestRows("complianceFlags", [samples.complianceFlags])[0]).toMatchObject({
      code: "TERRORIST_LIST",
      details: null,
    });
    expect(parseIngestRows("transactions", [samples.transactions])[0]).toMatchObject({
      direction: "Outgoing",
      interIntra: "Inter",
    });
    expect(parseIngestRows("interactions", [samples.interactions])[0]).toMatchObject({
      direction: "Incoming",
      occurredAt: "2025-01-01T08:00:00.000Z",
    });
    expect(parseIngestRows("tasks", [samples.tasks])[0]).toMatchObject({
      status: "in_progress",
      dueDate: null,
    });
    expect(parseIngestRows("instalments", [samples.instalments])[0]).toMatchObject({
      paid: false,
      amount: "300.00",
    });
    expect(parseIngestRows("campaignOffers", [samples.campaignOffers])[0]).toMatchObject({
      status: "open",
      score: 50,
    });
    expect(parseIngestRows("profitabilityValues", [samples.profitabilityValues])[0]).toMatchObject({
      value: "1234.5678",
    });
  });

  const errorOf = (kind: IngestKind, rows: unknown): AppError => {
    try {
      parseIngestRows(kind, rows);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error("expected the batch to be refused");
  };

  it("names every invalid field of every row as rows.<i>.<field>, all at once", () => {
    const error = errorOf("contracts", [
      samples.contracts,
      {
        ...samples.contracts,
        externalId: "K-2",
        amount: 0.001,
        currency: "RUB1",
        category: "bond",
        closeDate: "2024-02-30",
      },
      {
        ...samples.contracts,
        externalId: "K-3",
        contractNo: "L-3",
        activationDate: "2024-05-01",
        closeDate: "2024-04-30",
        balance: 1e21,
      },
    ]);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors.map((e) => e.field).sort()).toEqual(
      ["rows.1.amount", "rows.1.currency", "rows.1.category", "rows.1.closeDate", "rows.2.balance"].sort(),
    );
    expect(error.message).toMatch(/^5 fields are invalid: rows\.1\./);
  });

  it("refuses amounts that are not exact: floats with too many digits, zero or negative where it must be positive", () => {
    const fields = (amount: unknown) =>
      errorOf("transactions", [{ ...samples.transactions, amount }]).fieldErrors.map((e) => e.message);
    expect(fields(0.1 + 0.2)).toEqual(["amount must have at most 2 decimal places"]);
    expect(fields("0")).toEqual(["amount must be greater than 0"]);
    expect(fields("-1")).toEqual(["amount must be greater than 0"]);
    expect(fields("1e3")).toEqual(["amount must be a decimal number such as 1250.00"]);
    expect(fields("10000000000000")).toEqual(["amount must be below 10000000000000"]);
    expect(
      parseIngestRows("transactions", [{ ...samples.transactions, amount: "9999999999999.990" }])[0]?.amount,
    ).toBe("9999999999999.99");
  });

  it("names an unknown field and suggests the closest known one", () => {
    const error = errorOf("tasks", [{ ...samples.tasks, dueDtae: "2025-01-01" }]);
    expect(error.fieldErrors).toEqual([
      { field: "rows.0.dueDtae", message: "Unknown field dueDtae; did you mean dueDate?" },
    ]);
  });

  it("names a missing required field", () => {
    const { externalId: _, ...row } = samples.garnishments;
    expect(errorOf("garnishments", [row]).fieldErrors).toEqual([
      { field: "rows.0.externalId", message: "externalId is required" },
    ]);
  });

  it("refuses one record twice in a batch, naming the repeat", () => {
    const error = errorOf("contracts", [
      samples.contracts,
      { ...samples.contracts, contractNo: "L-002" },
      { ...samples.contracts, externalId: "K-9" },
    ]);
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["rows.1.externalId", "rows.2.contractNo"]);
    expect(
      errorOf("profitabilityValues", [
        samples.profitabilityValues,
        { ...samples.profitabilityValues, externalId: "P-2" },
      ]).fieldErrors,
    ).toEqual([expect.objectContaining({ field: "rows.1.month" })]);
  });

  it("takes 1 to 10,000 rows", () => {
    expect(errorOf("tasks", []).fieldErrors).toEqual([
      { field: "rows", message: "rows must hold at least one row" },
    ]);
    const many = Array.from({ length: MAX_INGEST_ROWS + 1 }, (_, i) => ({
      ...samples.tasks,
      externalId: `T-${i}`,
    }));
    expect(errorOf("tasks", many).fieldErrors[0]?.field).toBe("rows");
    expect(errorOf("tasks", "nope").fieldErrors).toEqual([
      { field: "rows", message: "rows must be an array of rows" },
    ]);
    expect(parseIngestRows("tasks", many.slice(1))).toHaveLength(MAX_INGEST_ROWS);
  });

  it("lists at most 500 field errors for a hopeless batch", () => {
    const bad = Array.from({ length: 1000 }, () => ({ ...samples.tasks, status: "maybe" }));
    const error = errorOf("tasks", bad);
    expect(error.fieldErrors).toHaveLength(500);
    expect(error.message).toMatch(/^1000 fields are invalid/);
  });

  it("has a schema object behind every kind", () => {
    for (const kind of INGEST_KINDS) expect(ingestKinds[kind]).toBeDefined();
  });
});

describe("ingest actions", () => {
  it("hands the store only a validated batch, with the actor", async () => {
    const calls: unknown[] = [];
    const store: IngestStore = {
      upsert: async (kind, rows, actor) => {
        calls.push({ kind, rows, actor });
        return { inserted: rows.length, updated: 0 };
      },
    };
    const ingest = (rows: unknown) =>
      runAction(ingestActionOf("tasks"), { ingest: store }, { rows }, { userName: "feeder" });
    expect(await ingest([samples.tasks])).toEqual({
      inserted: 1,
      updated: 0,
    });
    expect(calls).toEqual([
      { kind: "tasks", rows: parseIngestRows("tasks", [samples.tasks]), actor: "feeder" },
    ]);
    await expect(ingest([{}])).rejects.toBeInstanceOf(AppError);
    expect(calls).toHaveLength(1);
  });
});
