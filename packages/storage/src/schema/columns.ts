import { type SQL, sql } from "drizzle-orm";
import { numeric, timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns every table carries: a UUID key and when the row was created and last changed. */
export const keyAndTimestamps = {
  id: uuid().primaryKey().defaultRandom(),
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
};

/**
 * The same for a customer-owned table, whose primary key is (id, customer_id) (CONTRACT §11: the
 * distribution column in every key). id first, so a lookup by id alone still uses the key's index;
 * the tables' own (customer_id, …) indexes serve the per-customer reads.
 */
export const ownedKeyAndTimestamps = {
  id: uuid().notNull().defaultRandom(),
  createdAt: keyAndTimestamps.createdAt,
  updatedAt: keyAndTimestamps.updatedAt,
};

/** Money: exact decimals with two fractional digits, below 10^13, read back as strings. */
export const money = (name?: string) =>
  name ? numeric(name, { precision: 15, scale: 2 }) : numeric({ precision: 15, scale: 2 });

/**
 * Constant words as an SQL list, `('a', 'b')`, for a partial index's predicate. It is written
 * out rather than bound: the planner uses a partial index only when it can prove the query's
 * WHERE implies the predicate, which it can for the same list in the query (as literals, or as
 * parameters in a custom plan) but never for parameters of a generic plan.
 */
export const literalList = (values: readonly string[]): SQL =>
  sql.raw(`(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")})`);
