import { type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../database";

/**
 * The one row a widget query answers. Widget queries select one row of JSON columns (decimals
 * as text, dates through to_char), so both drivers hand back the same values and a customer's
 * whole history costs one round trip.
 */
export async function oneRow<T>(db: Executor, query: SQL): Promise<T> {
  const row = rowsOf<T>(await db.execute(query))[0];
  if (row === undefined) throw new Error("A widget query answered no row");
  return row;
}

/** A json column, whether the driver parsed it already or handed back its text. */
export function jsonOf<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** `true` when the customer exists: every widget query carries it, so a 404 costs no extra trip. */
export const customerFound = (customerId: string): SQL =>
  sql`exists (select 1 from customers where id = ${customerId}::uuid)`;
