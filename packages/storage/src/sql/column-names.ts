import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { columnName } from "./columns";

/** A table of the schema, for the packages that name tables but do not depend on drizzle. */
export type SchemaTable = PgTable;

/** The keys of a table's columns in the schema (camelCase, as `table.customerId`). */
export type ColumnKey<T extends PgTable> = keyof T["_"]["columns"] & string;

/** Each column's name in the database, by its key in the schema: the schema names a column once. */
export function columnNamesOf<T extends PgTable>(table: T): Record<ColumnKey<T>, string> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [key, columnName(column)]),
  ) as Record<ColumnKey<T>, string>;
}
