import { randomUUID } from "node:crypto";
import {
  AppError,
  DEFAULT_SETTINGS,
  type IngestKind,
  type IngestResult,
  ingestActionOf,
  type Settings,
} from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Executor, rowsOf } from "../database";
import { addresses, agreements, applications, customers } from "../schema";
import { createSources } from "../sources";
import type { Db } from "../sql/db";
import { testDatabaseOfFile } from "../test-world";
import { ingestStore } from "./ingest-store";

/**
 * Test data for the ingestion and widget tests. Customers, addresses, agreements and
 * applications are inserted with drizzle (their write actions are tested elsewhere); the widget
 * feeds go through ingestBatch, as an integrator's would.
 */

export const unknownCustomerId = "00000000-0000-4000-8000-000000000000";

export const uid = (): string => randomUUID().slice(0, 8).toUpperCase();

/** A fresh external id for an ingested row. */
export const externalId = (): string => randomUUID();

export async function insertCustomer(
  db: Executor,
  fields: Partial<typeof customers.$inferInsert> = {},
): Promise<string> {
  const n = uid();
  const [row] = await db
    .insert(customers)
    .values({
      uniqueId: `U-${n}`,
      firstName: "Ana",
      lastName: "Popescu",
      email: `${n.toLowerCase()}@example.ro`,
      mobilePhone: "+40712345678",
      ...fields,
    })
    .returning({ id: customers.id });
  return row!.id;
}

type CustomerRowTable = typeof addresses | typeof agreements | typeof applications;

/**
 * Inserts one row of a customer's table: the table's defaults (drawn anew for each row), then the
 * test's own fields. Answers the row's id.
 */
const customerRowInserter =
  <T extends CustomerRowTable>(table: T, defaults: () => Omit<T["$inferInsert"], "customerId">) =>
  async (db: Executor, customerId: string, fields: Partial<T["$inferInsert"]> = {}): Promise<string> => {
    const values = { ...defaults(), customerId, ...fields } as T["$inferInsert"];
    const [row] = await db
      .insert(table as CustomerRowTable)
      .values(values)
      .returning({ id: table.id });
    return row!.id;
  };

export const insertAddress = customerRowInserter(addresses, () => ({
  addressType: "Home Address",
  country: "RO",
  district: "Sector 1",
  city: "Bucharest",
  streetName: "Strada Lalelelor",
  streetNo: "10",
  postalCode: "010101",
  fingerprint: uid(),
}));

export const insertAgreement = customerRowInserter(agreements, () => ({
  agreementType: "GDPR Consent",
  startDate: "2024-01-01",
  sourceId: "CRM",
  fingerprint: uid(),
}));

export const insertApplication = customerRowInserter(applications, () => ({
  source: "web",
  externalId: uid(),
  url: "https://apply.example.ro/1",
  name: "Loan request",
  bankingProduct: "Personal Loan",
  businessStatus: "In review",
}));

export const contractRowFor = (customerInternalId: string, fields: Record<string, unknown> = {}) => ({
  externalId: `K-${uid()}`,
  customerInternalId,
  contractNo: `C-${uid()}`,
  category: "loan",
  bankingProduct: "Personal Loan",
  amount: "10000.00",
  balance: "7500.00",
  currency: "RON",
  status: "active",
  activationDate: "2024-01-10",
  ...fields,
});

/** An instalment row of `contractNo`, one RON due on 2025-01-01, ready for ingestBatch. */
export const instalmentRowFor = (customerInternalId: string, contractNo: string) => ({
  externalId: `I-${uid()}`,
  customerInternalId,
  contractNo,
  dueDate: "2025-01-01",
  amount: "1",
  currency: "RON",
});

/** A PNG signature followed by `size - 8` filler bytes, as base64. */
export function pngBase64(size = 64, fill = 0): string {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes.toString("base64");
}

export const testContext = (now: string, settings: Settings = DEFAULT_SETTINGS) => ({
  now: new Date(now),
  settings,
});

/**
 * A widget's two refusals about its customer: 400 "customerInternalId is required" without one,
 * 404 for an id that names no customer. `rest` is the rest of a valid input.
 */
export async function expectCustomerRefusals(
  run: (input: Record<string, unknown>) => Promise<unknown>,
  rest: Record<string, unknown> = {},
): Promise<void> {
  await expect(run(rest)).rejects.toMatchObject({
    code: "BAD_REQUEST",
    fieldErrors: [{ field: "customerInternalId", message: "customerInternalId is required" }],
  });
  await expect(run({ customerInternalId: unknownCustomerId, ...rest })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
}

/** The AppError a call is refused with (fails the test when it succeeds or throws anything else). */
export async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Rows of `table` that belong to the customer. */
export async function countRows(db: Executor, table: string, customerId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from ${sql.raw(table)} where customer_id = ${customerId}::uuid`,
    ),
  );
  return Number(row?.n ?? 0);
}

/** One valid row per kind for a customer that holds (or, in the same run, receives) contract `contractNo`. */
export function sampleRows(
  customer: string,
  contractNo: string,
): Record<IngestKind, Record<string, unknown>> {
  const x = uid();
  return {
    contracts: contractRowFor(customer, { externalId: `K-${x}`, contractNo }),
    instalments: {
      externalId: `I-${x}`,
      customerInternalId: customer,
      contractNo,
      dueDate: "2025-01-10",
      amount: 300,
      currency: "RON",
    },
    garnishments: {
      externalId: `G-${x}`,
      customerInternalId: customer,
      authority: "ANAF",
      amount: "10",
      currency: "RON",
      since: "2025-01-01",
    },
    complianceFlags: { externalId: `F-${x}`, customerInternalId: customer, code: "pep", since: "2025-01-01" },
    transactions: {
      externalId: `T-${x}`,
      customerInternalId: customer,
      bookingDate: "2025-01-01",
      indicator: "Salary",
      direction: "Incoming",
      interIntra: "Inter",
      currency: "RON",
      amount: "5000",
    },
    interactions: {
      externalId: `X-${x}`,
      customerInternalId: customer,
      occurredAt: "2025-01-01T10:00:00Z",
      channel: "Branch",
      type: "Meeting",
      direction: "Incoming",
      subject: "Mortgage advice",
    },
    revenues: {
      externalId: `R-${x}`,
      customerInternalId: customer,
      revenueDate: "2025-01-31",
      category: "Fees",
      product: "Card",
      currency: "RON",
      amount: "12.5",
    },
    profitabilityValues: {
      externalId: `P-${x}`,
      customerInternalId: customer,
      indicator: "NetMargin",
      month: "2025-01",
      value: "1.2345",
    },
    tasks: {
      externalId: `TK-${x}`,
      customerInternalId: customer,
      title: "Call back",
      status: "open",
      dueDate: "2025-02-01",
    },
    campaignOffers: {
      externalId: `O-${x}`,
      customerInternalId: customer,
      product: "Gold Card",
      campaign: "Spring",
      status: "open",
    },
    pictures: { customerInternalId: customer, dataBase64: pngBase64() },
  };
}

/** A batch fed as `ingest.<kind>` is: validated at the edge, then stored all or nothing. */
export function ingestBatch<K extends IngestKind>(
  db: Db,
  kind: K,
  rows: unknown,
  actor = "feeder",
): Promise<IngestResult> {
  return runAction(ingestActionOf(kind), { ingest: ingestStore(db) }, { rows }, { userName: actor });
}

/**
 * A widget test file's world: its database and the kit's helpers bound to it; `run` answers an
 * action from storage's own sources over that database. Open before the first test.
 */
export function widgetWorldOfFile() {
  const handle = testDatabaseOfFile();
  return {
    handle,
    run: <A extends Parameters<typeof runAction>[0]>(action: A, input: unknown, options?: RunOptions) =>
      runAction(action, createSources(handle.sql), input, options),
    insertCustomer: (fields?: Partial<typeof customers.$inferInsert>) => insertCustomer(handle.db, fields),
    insertAddress: (customerId: string, fields?: Partial<typeof addresses.$inferInsert>) =>
      insertAddress(handle.db, customerId, fields),
    insertAgreement: (customerId: string, fields?: Partial<typeof agreements.$inferInsert>) =>
      insertAgreement(handle.db, customerId, fields),
    insertApplication: (customerId: string, fields?: Partial<typeof applications.$inferInsert>) =>
      insertApplication(handle.db, customerId, fields),
    ingest: <K extends IngestKind>(kind: K, rows: unknown, actor?: string) =>
      ingestBatch(handle.sql, kind, rows, actor),
  };
}
