import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import type { Param, Statement } from "../sql/statement";

/**
 * The one row a widget statement answers. Widget statements select one row of JSON columns
 * (decimals as text, dates through to_char), so both drivers hand back the same values and a
 * customer's whole history costs one round trip.
 */
export async function oneRow<T, P extends object>(db: Db, statement: Statement<P>, params: P): Promise<T> {
  const row = (await db.run<T, P>(statement, params))[0];
  if (row === undefined) throw new Error(`The widget statement "${statement.name}" answered no row`);
  return row;
}

/** A json column, whether the driver parsed it already or handed back its text. */
export function jsonOf<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** The statement's JSON column `column`, or null when its `found` column says there is no such customer. */
export async function jsonIfFound<T, P extends object>(
  db: Db,
  statement: Statement<P>,
  params: P,
  column: string,
): Promise<T | null> {
  const row = await oneRow<{ found: boolean } & Record<string, unknown>, P>(db, statement, params);
  return row.found ? jsonOf<T>(row[column]) : null;
}

/**
 * The rows of `fromWhere` as a JSON array of objects, one key per entry of `fields`, `[]` when
 * there are none (json_agg of no rows is null).
 */
export function jsonObjects(fields: Record<string, SQLWrapper>, fromWhere: SQL): SQL {
  const pairs = Object.entries(fields).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`);
  return sql`coalesce((select json_agg(json_build_object(${sql.join(pairs, sql`, `)})) ${fromWhere}), '[]'::json)`;
}

/** A date as `YYYY-MM-DD` text, the same from both drivers. */
export const isoDate = (value: SQLWrapper): SQL => sql`to_char(${value}, 'YYYY-MM-DD')`;

/** `true` when the customer exists: every widget query carries it, so a 404 costs no extra trip. */
export const customerFound = (customerId: Param): SQL =>
  sql`exists (select 1 from customers where id = ${customerId}::text::uuid)`;

/**
 * `value` (lower-cased) is one of the strings of a JSON array parameter, compared lower-cased: one
 * parameter whatever the list's length, so the statement's text never changes with it.
 */
const inLowerList = (value: SQL, jsonList: Param): SQL =>
  sql`lower(${value}) in (select lower(item) from json_array_elements_text(${jsonList}::text::json) as item)`;

/** The list filters nothing when it is empty. */
export const emptyOrInLowerList = (value: SQL, jsonList: Param): SQL =>
  sql`(json_array_length(${jsonList}::text::json) = 0 or ${inLowerList(value, jsonList)})`;

/**
 * A PostgreSQL array literal of texts (`{"a","b \"c\""}`), passed as one text parameter and cast to
 * text[] in the statement: both drivers send it alike, and the statement's text never changes.
 */
export const textArray = (values: readonly string[]): string =>
  `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
