import type { Entity } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { bare, bareList } from "../sql/columns";
import type { WriteTable } from "./write-tables";

type Claims<E extends Entity> = NonNullable<WriteTable<E>["claims"]>;

/** The record's column that holds the value of a key table's column. */
const recordColumnOf = <E extends Entity>(table: WriteTable<E>, field: string) => {
  const column = table.columns.find((c) => c.field === field)?.column;
  if (!column) throw new Error(`${table.entity} has no column for the key field ${field}`);
  return column;
};

/**
 * The create's claim (CONTRACT §11): its key row, ON CONFLICT DO NOTHING, so a key held by anyone
 * (another customer included, or a concurrent create that commits first) leaves `claimed` empty
 * and the record is not stored. With `newRecordId` the claim draws the new record's id and
 * returns it as `id`.
 */
export function claimedKey<E extends Entity>(claims: Claims<E>, fieldValue: (field: string) => SQL): SQL {
  const columns = claims.columns.map((c) => c.column);
  const values = claims.columns.map((c) => fieldValue(c.field));
  if (claims.newRecordId) {
    columns.push(claims.newRecordId);
    values.push(sql`gen_random_uuid()`);
  }
  return sql`claimed as (
      insert into ${claims.table} (${bareList(columns)})
      values (${sql.join(values, sql`, `)})
      on conflict do nothing
      returning ${claims.newRecordId ? sql`${bare(claims.newRecordId)} as id` : sql`1`}
    )`;
}

/**
 * An update's move of the record's key (a customer's new UniqueID; an erasure's pseudonym): when
 * the key changes, the stored key's row is released and the new key claimed, in the update's own
 * statement. The claim has no ON CONFLICT: a key another record holds fails the statement with
 * the key table's unique violation, which the error mapping turns into the field's 409. All
 * parts of one statement read the same snapshot, so `stored` is the row before the update.
 */
export function movedKey<E extends Entity>(
  table: WriteTable<E>,
  claims: Claims<E>,
  recordId: SQL,
  fieldValue: (field: string) => SQL,
): SQL {
  const stored = (field: string) => sql`stored.${bare(recordColumnOf(table, field))}`;
  const keyColumns = claims.columns.map((c) => c.column);
  const next = claims.columns.map((c) => fieldValue(c.field));
  const changed = sql`(${sql.join(
    claims.columns.map((c) => stored(c.field)),
    sql`, `,
  )})
    is distinct from (${sql.join(next, sql`, `)})`;
  const ownedBy = claims.newRecordId ? sql` and k.${bare(claims.newRecordId)} = ${recordId}` : sql``;
  const claimColumns = claims.newRecordId ? [...keyColumns, claims.newRecordId] : keyColumns;
  const claimValues = claims.newRecordId ? [...next, recordId] : next;
  return sql`stored as (
      select * from ${table.table} where ${bare(table.id)} = ${recordId}
    ), released as (
      delete from ${claims.table} k using stored
      where ${sql.join(
        claims.columns.map((c) => sql`k.${bare(c.column)} = ${stored(c.field)}`),
        sql` and `,
      )}${ownedBy} and ${changed}
      returning 1
    ), claimed as (
      insert into ${claims.table} (${bareList(claimColumns)})
      select ${sql.join(claimValues, sql`, `)} from stored where ${changed}
      returning 1
    )`;
}
