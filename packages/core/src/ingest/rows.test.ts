import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { applicationInput } from "../actions/create-update-application";
import { errorsOf, examples } from "../actions/examples";
import { contractRow, interactionRow, profitabilityValueRow, taskRow, transactionRow } from "./rows";

const customer = "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10";
const contract = {
  externalId: "K-1",
  customerInternalId: customer,
  contractNo: "L-001",
  category: "loan",
  bankingProduct: "Personal Loan",
  balance: "100",
  currency: "RON",
  status: "active",
  activationDate: "2024-01-10",
};
const transaction = {
  externalId: "T-1",
  customerInternalId: customer,
  bookingDate: "2025-01-01",
  indicator: "Card payments",
  direction: "Outgoing",
  interIntra: "Inter",
  currency: "EUR",
  amount: "12.30",
};
const interaction = {
  externalId: "X-1",
  customerInternalId: customer,
  occurredAt: "2025-01-01T10:00:00+02:00",
  channel: "Phone",
  type: "Call",
  direction: "Incoming",
  subject: "Card blocked",
};

const messagesOf = (schema: z.ZodType, row: unknown) => errorsOf(schema, row).map((e) => e.message);

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
      const ingested = messagesOf(transactionRow, { ...transaction, [field]: value });
      expect(ingested, `${field} ${value}`).toEqual(write(field, value));
    }
  });

  it("NFC-normalise free text, so one name typed on two systems is one value", () => {
    const row = taskRow.parse({
      externalId: "TK-1",
      customerInternalId: customer,
      title: "S\u0327edint\u0327a",
      status: "open",
    });
    expect(row.title).toBe("\u015Eedin\u0163a");
  });

  it("read a date sent as a timestamp without offset as UTC, like the writes, and keep dates from 1900", () => {
    expect(transactionRow.parse({ ...transaction, bookingDate: "2025-01-01T23:30:00" }).bookingDate).toBe(
      "2025-01-01",
    );
    expect(messagesOf(transactionRow, { ...transaction, bookingDate: "1899-12-31" })).toEqual([
      "bookingDate must be a real calendar date between 1900-01-01 and 9999-12-31",
    ]);
  });

  it("refuse an instant without its offset rather than read a local clock as UTC", () => {
    expect(messagesOf(interactionRow, { ...interaction, occurredAt: "2025-01-01T10:00:00" })).toEqual([
      "occurredAt must be an ISO 8601 timestamp with an offset, such as 2025-01-31T09:30:00Z",
    ]);
  });

  it("take contract numbers as long as an agreement's contractNo", () => {
    expect(contractRow.parse({ ...contract, contractNo: "C".repeat(100) }).contractNo).toHaveLength(100);
    expect(messagesOf(contractRow, { ...contract, contractNo: "C".repeat(101) })).toEqual([
      "contractNo must be at most 100 characters",
    ]);
  });

  it("keep rates and indicator values to their columns' scale and size", () => {
    expect(contractRow.parse({ ...contract, interestRate: -0.125 }).interestRate).toBe("-0.125");
    expect(messagesOf(contractRow, { ...contract, interestRate: "7.12345" })).toEqual([
      "interestRate must have at most 4 decimal places",
    ]);
    expect(messagesOf(contractRow, { ...contract, interestRate: "100000" })).toEqual([
      "interestRate must be above -100000 and below 100000",
    ]);
    const value = {
      externalId: "P-1",
      customerInternalId: customer,
      indicator: "NetMargin",
      month: "2025-01",
    };
    expect(profitabilityValueRow.parse({ ...value, value: "-9999999999999999.9999" }).value).toBe(
      "-9999999999999999.9999",
    );
    expect(messagesOf(profitabilityValueRow, { ...value, month: "2025-13", value: "1" })).toEqual([
      "month must be a month in the form YYYY-MM, between 1900-01 and 9999-12",
    ]);
  });

  it("store an absent optional field as null: a row is the whole record", () => {
    expect(contractRow.parse(contract)).toMatchObject({ amount: null, closeDate: null, interestRate: null });
    expect(contractRow.parse({ ...contract, amount: "", closeDate: " ", interestRate: null })).toMatchObject({
      amount: null,
      closeDate: null,
      interestRate: null,
    });
    expect(messagesOf(contractRow, { ...contract, closeDate: 20240101 })).toEqual([
      "closeDate must be a string or null",
    ]);
  });

  it("answer values that parse to themselves, however loosely they were sent", () => {
    const loose = [
      [
        contractRow,
        { ...contract, category: " LOAN ", status: "Opened", balance: -0, interestRate: "+07.50" },
      ],
      [transactionRow, { ...transaction, direction: "OUTGOING", currency: " eur ", amount: 12.3 }],
      [interactionRow, { ...interaction, direction: "inbound", occurredAt: "2025-01-01t10:00:00,25+0200" }],
      [taskRow, { externalId: "TK-1", customerInternalId: customer, title: " Call ", status: "IN PROGRESS" }],
    ] as const;
    for (const [schema, row] of loose) {
      const once = (schema as z.ZodType).parse(row);
      expect((schema as z.ZodType).parse(once)).toEqual(once);
    }
  });
});
