import { Placeholder, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

const dialect = new PgDialect({ casing: "snake_case" });

/** A value inside a statement: an SQL fragment, or a placeholder filled in at run time. */
export type Param = SQL | Placeholder;

/** Where a parameter's value comes from at run time: a named value, or a constant of the text. */
type Slot = { name: string } | { value: unknown };

/**
 * One SQL statement, rendered once from drizzle's `sql` template (columns taken from the schema)
 * into text with `$n` parameters. On PostgreSQL it is prepared once per connection and then
 * only bound and executed, so a hot path pays neither SQL building nor planning per call.
 */
export interface Statement<P extends object = Record<string, never>> {
  /** Names the statement in logs and errors, never its parameters. */
  name: string;
  text: string;
  /** Safe to run again when the connection died under it: it reads and writes nothing. */
  readOnly: boolean;
  valuesOf(params: P): unknown[];
}

type Placeholders<P> = { [K in keyof P]: Placeholder };

function compile<P extends object>(
  name: string,
  build: (p: Placeholders<P>) => SQL,
  readOnly: boolean,
): Statement<P> {
  const placeholders = new Proxy({} as Placeholders<P>, {
    get: (_target, key) => sql.placeholder(String(key)),
  });
  const query = dialect.sqlToQuery(build(placeholders));
  const slots: Slot[] = query.params.map((param) =>
    param instanceof Placeholder ? { name: param.name } : { value: param },
  );
  return {
    name,
    text: query.sql,
    readOnly,
    valuesOf: (params) =>
      slots.map((slot) => ("name" in slot ? (params as Record<string, unknown>)[slot.name] : slot.value)),
  };
}

/** Renders a one-off statement (one whose text depends on its input) to text and values. */
export function render(query: SQL): { text: string; values: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, values: params };
}

/** A statement that only reads: retried once if its connection turns out to be dead. */
export const readStatement = <P extends object>(name: string, build: (p: Placeholders<P>) => SQL) =>
  compile<P>(name, build, true);

/** A statement that writes: never retried, since it may have committed before the connection died. */
export const writeStatement = <P extends object>(name: string, build: (p: Placeholders<P>) => SQL) =>
  compile<P>(name, build, false);
