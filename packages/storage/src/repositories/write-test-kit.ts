import {
  type AppError,
  type FieldChanges,
  individualCustomerInput,
  isAppError,
  legalEntityCustomerInput,
  parseInput,
  upsertIndividualCustomer,
  upsertLegalEntityCustomer,
  type WriteStore,
} from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, rowsOf } from "../database";
import { openedForFile } from "../test-world";
import { openTestDatabase } from "../testing";
import { createWriteStore } from "./write-store";

export const writer = { userName: "integrator.one" };

let sequence = 0;
/** A value no other test in the file uses. */
export const unique = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();

export async function count(db: Database, table: string, where = sql`true`): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`),
  );
  return rows[0]?.n ?? 0;
}

/** The UniqueIDs CONTRACT §11's key table holds for the customer: exactly its own, once. */
export async function claimedUniqueIdsOf(db: Database, customerId: string): Promise<string[]> {
  const rows = rowsOf<{ unique_id: string }>(
    await db.execute(
      sql`select unique_id from customer_unique_ids where customer_id = ${customerId}::uuid order by 1`,
    ),
  );
  return rows.map((r) => r.unique_id);
}

export interface AuditRow {
  userName: string;
  action: string;
  entity: string;
  customerId: string;
  operation: string;
  changes: FieldChanges;
}

export async function auditOf(db: Database, recordId: string): Promise<AuditRow[]> {
  const rows = rowsOf<Omit<AuditRow, "changes"> & { changes: string }>(
    await db.execute(sql`select user_name as "userName", action, entity, customer_id::text as "customerId",
      operation, changes::text as changes from audit_log where record_id = ${recordId}::uuid order by id`),
  );
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as FieldChanges }));
}

export async function rowOf(db: Database, table: string, id: string): Promise<Record<string, unknown>> {
  const rows = rowsOf<{ row: string }>(
    await db.execute(sql`select row_to_json(t)::text as row from ${sql.raw(table)} t where id = ${id}::uuid`),
  );
  const { updated_at: _updatedAt, ...row } = JSON.parse(rows[0]?.row ?? "{}") as Record<string, unknown>;
  return row;
}

/** What a promise rejected with, checked to be an AppError. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  return error as AppError;
}

/** What a write refused with, as one value to compare: the AppError's code and its fields in order. */
export async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  const error = await rejectionOf(promise);
  return { code: error.code, fields: error.fieldErrors.map((e) => e.field) };
}

export function customerData(overrides: Record<string, unknown> = {}) {
  return {
    CustomerInfo: {
      firstName: "Ana",
      lastName: "Popescu",
      UniqueID: unique("CNP"),
      email: "ana.popescu@example.ro",
      mobilePhone: "0712345678",
      emailAddressType: "Personal",
      phoneNumberType: "Mobile",
      ...overrides,
    },
  };
}

export async function addCustomer(
  store: WriteStore,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await upsertIndividualCustomer(
    store,
    writer,
    parseInput(individualCustomerInput({ phoneRegion: "RO" }), customerData(overrides)),
  );
  return result.customerInternalId;
}

/** Starts every call before awaiting any, so they reach the database together. */
export const concurrently = <T>(times: number, run: () => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: times }, () => run()));

export function legalEntityData(overrides: Record<string, unknown> = {}) {
  return {
    CustomerInfo: {
      name: "Carpați Logistic SRL",
      UniqueID: unique("RO"),
      registrationNumber: "J40/1234/2015",
      industry: "TransportationStorage",
      accountType: "Company",
      email: "office@carpati-logistic.ro",
      mobilePhone: "0212345678",
      emailAddressType: "Work",
      phoneNumberType: "Work",
      ...overrides,
    },
  };
}

export async function addLegalEntity(
  store: WriteStore,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await upsertLegalEntityCustomer(
    store,
    writer,
    parseInput(legalEntityCustomerInput({ phoneRegion: "RO" }), legalEntityData(overrides)),
  );
  return result.customerInternalId;
}

/** A legal entity of accountType Group. */
export const addGroup = (store: WriteStore, overrides: Record<string, unknown> = {}) =>
  addLegalEntity(store, {
    name: "Carpați Group",
    accountType: "Group",
    registrationNumber: null,
    ...overrides,
  });

/**
 * A write-store test file's world: its migrated database (drizzle over it, `db`, for checks), the
 * write store under test, and the kit's helpers bound to both. Open before the first test.
 */
export function writeWorldOfFile() {
  const world = openedForFile(
    async () => {
      const handle = await openTestDatabase();
      return { handle, db: handle.db, store: createWriteStore(handle.sql) };
    },
    (opened) => opened.handle.close(),
  );
  return Object.assign(world, {
    addCustomer: (overrides?: Record<string, unknown>) => addCustomer(world.store, overrides),
    addLegalEntity: (overrides?: Record<string, unknown>) => addLegalEntity(world.store, overrides),
    addGroup: (overrides?: Record<string, unknown>) => addGroup(world.store, overrides),
    count: (table: string, where?: SQL) => count(world.db, table, where),
    rowOf: (table: string, id: string) => rowOf(world.db, table, id),
    auditOf: (recordId: string) => auditOf(world.db, recordId),
    claimedUniqueIdsOf: (customerId: string) => claimedUniqueIdsOf(world.db, customerId),
  });
}
