import { type Column, type SQL, sql } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";

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
