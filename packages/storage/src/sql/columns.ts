import { type Column, getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";

const casing = new CasingCache("snake_case");

/** A column's name in the database (the schema names it in camelCase; the database in snake_case). */
export const columnName = (column: Column): string => casing.getColumnCasing(column);

/** A column unqualified, as INSERT column lists and UPDATE SET clauses need it. */
export const bare = (column: Column): SQL => sql`${sql.identifier(columnName(column))}`;

/** The columns' bare names, comma-separated. */
export const bareList = (columns: readonly Column[]): SQL =>
  sql.join(
    columns.map((column) => bare(column)),
    sql`, `,
  );

/** The type a parameter is cast to for this column ("uuid", "date", "numeric(15, 2)"…). */
const sqlTypeOf = (column: Column): string => column.getSQLType();

/**
 * A parameter cast to the column's type through text: both drivers then send it as text and the
 * server converts it, so no driver-side serializer (dates, numerics) can reshape the value.
 */
export const asColumnType = (value: unknown, column: Column): SQL => {
  const type = sqlTypeOf(column);
  return type === "text" ? sql`${value}::text` : sql`${value}::text::${sql.raw(type)}`;
};

/** The table's `updatedAt` column, which every written table spreads in from the shared column groups. */
export function updatedAtOf(table: PgTable): Column {
  const column = getTableColumns(table).updatedAt;
  if (!column) throw new Error(`The table ${getTableName(table)} has no updatedAt column`);
  return column;
}
