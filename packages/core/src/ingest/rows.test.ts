import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { applicationInput } from "../actions/create-update-application";
import { errorsOf, examples } from "../testing/examples";
import { ingestExamples as rows } from "../testing/ingest-examples";
import { contractRow, interactionRow, profitabilityValueRow, taskRow, transactionRow } from "./rows";

const messagesOf = (schema: z.ZodType, row: unknown) => errorsOf(schema, row).map((e) => e.message);
const { amount: _amount, interestRate: _rate, ...contractWithoutOptions } = rows.contracts;

describe("ingested rows read their fields with the write actions' rules", () => {
  it("word the same mistake the same way as a write action does", () => {
    const write = (field: string, value: unknown) =>
      errorsOf(applicationInput, { ...examples.application(), [field]: value }).map((e) => e.message);
    for (const [field, value] of [
      ["currency", "EURO"],
      ["amount", "0.001"],
      ["amount", "-5"],
      ["amount", "1,250.00"],
      ["amount", 1e21],
    ] as const) {
      const ingested = messagesOf(transactionRow, { ...rows.transactions, [field]: value });
      expect(ingested, `${field} ${value}`).toEqual(write(field, value));
    }
  });

  it("NFC-normalise free text, so one name typed on two systems is one value", () => {
    expect(taskRow.parse({ ...rows.tasks, title: "S\u0327edint\u0327a" }).title).toBe("\u015Eedin\u0163a");
  });

  it("read a date sent as a timestamp without offset as UTC, like the writes, and keep dates from 1900", () => {
    expect(
      transactionRow.parse({ ...rows.transactions, bookingDate: "2025-01-01T23:30:00" }).bookingDate,
    ).toBe("2025-01-01");
    expect(messagesOf(transactionRow, { ...rows.transactions, bookingDate: "1899-12-31" })).toEqual([
      "bookingDate must be a real calendar date between 1900-01-01 and 9999-12-31",
    ]);
  });

  it("refuse an instant without its offset rather than read a local clock as UTC", () => {
    expect(messagesOf(interactionRow, { ...rows.interactions, occurredAt: "2025-01-01T10:00:00" })).toEqual([
      "occurredAt must be an ISO 8601 timestamp with an offset, such as 2025-01-31T09:30:00Z",
    ]);
  });

  it("take contract numbers as long as an agreement's contractNo", () => {
    expect(contractRow.parse({ ...rows.contracts, contractNo: "C".repeat(100) }).contractNo).toHaveLength(
      100,
    );
    expect(messagesOf(contractRow, { ...rows.contracts, contractNo: "C".repeat(101) })).toEqual([
      "contractNo must be at most 100 characters",
    ]);
  });

  it("keep rates and indicator values to their columns' scale and size", () => {
    expect(contractRow.parse({ ...rows.contracts, interestRate: -0.125 }).interestRate).toBe("-0.125");
    expect(messagesOf(contractRow, { ...rows.contracts, interestRate: "7.12345" })).toEqual([
      "interestRate must have at most 4 decimal places",
    ]);
    expect(messagesOf(contractRow, { ...rows.contracts, interestRate: "100000" })).toEqual([
      "interestRate must be above -100000 and below 100000",
    ]);
    const value = rows.profitabilityValues;
    expect(profitabilityValueRow.parse({ ...value, value: "-9999999999999999.9999" }).value).toBe(
      "-9999999999999999.9999",
    );
    expect(messagesOf(profitabilityValueRow, { ...value, month: "2025-13" })).toEqual([
      "month must be a month in the form YYYY-MM, between 1900-01 and 9999-12",
    ]);
  });

  it("store an absent optional field as null: a row is the whole record", () => {
    const nulls = { amount: null, closeDate: null, interestRate: null };
    expect(contractRow.parse(contractWithoutOptions)).toMatchObject(nulls);
    expect(
      contractRow.parse({ ...rows.contracts, amount: "", closeDate: " ", interestRate: null }),
    ).toMatchObject(nulls);
    expect(messagesOf(contractRow, { ...rows.contracts, closeDate: 20240101 })).toEqual([
      "closeDate must be a string or null",
    ]);
  });

  it("answer values that parse to themselves, however loosely they were sent", () => {
    const loose = [
      [
        contractRow,
        { ...rows.contracts, category: " LOAN ", status: "Opened", balance: -0, interestRate: "+07.50" },
      ],
      [transactionRow, { ...rows.transactions, direction: "OUTGOING", currency: " eur ", amount: 12.3 }],
      [
        interactionRow,
        { ...rows.interactions, direction: "inbound", occurredAt: "2025-01-01t10:00:00,25+0200" },
      ],
      [taskRow, { ...rows.tasks, title: " Call ", status: "in-progress" }],
    ] as const;
    for (const [schema, row] of loose) {
      const once = (schema as z.ZodType).parse(row);
      expect((schema as z.ZodType).parse(once)).toEqual(once);
    }
  });
});
