import {
  type AuditEntry,
  type AuditPage,
  type AuditStamp,
  creationChanges,
  type Entity,
  type EntityFields,
  type FieldChanges,
  type RecordKey,
  type StoredRecord,
  type WriteStore,
  type WriteTransaction,
} from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { type Database, type Executor, rowsOf } from "../database";
import { guarded } from "./database-errors";
import { typed, type WriteTable, writeTables } from "./write-tables";

const tableOf = <E extends Entity>(entity: E): WriteTable<E> => writeTables[entity] as WriteTable<E>;

const valuesOf = <E extends Entity>(table: WriteTable<E>, fields: EntityFields[E]) =>
  table.columns.map((c) => typed(fields[c.field], c.type));

const auditColumns = sql.raw("user_name, action, entity, record_id, customer_id, operation, changes");

/**
 * One statement: the insert and its audit entry commit together, and ON CONFLICT DO NOTHING lets
 * the unique indexes decide between concurrent identical requests, so exactly one creates.
 */
async function create<E extends Entity>(
  db: Executor,
  entity: E,
  fields: EntityFields[E],
  stamp: AuditStamp,
): Promise<string | null> {
  const table = tableOf(entity);
  const columns = table.columns.map((c) => c.column);
  const values = valuesOf(table, fields);
  if (table.fingerprint) {
    columns.push("fingerprint");
    values.push(sql`${table.fingerprint(fields)}`);
  }
  const condition = table.insertCondition?.(fields);
  const changes = JSON.stringify(creationChanges(fields));
  const query = sql`with created as (
      insert into ${sql.raw(table.table)} (${sql.raw(columns.join(", "))})
      select ${sql.join(values, sql`, `)} ${condition ? sql`where ${condition}` : sql``}
      on conflict do nothing
      returning id, ${sql.raw(table.customerColumn)} as customer_id
    ), audited as (
      insert into audit_log (${auditColumns})
      select ${stamp.userName}, ${stamp.action}, ${entity}, id, customer_id, 'created', ${changes}::text::jsonb
      from created
    )
    select id::text as id from created`;
  const rows = rowsOf<{ id: string }>(await guarded(() => db.execute(query)));
  return rows[0]?.id ?? null;
}

function whereKey<E extends Entity>(table: WriteTable<E>, key: RecordKey<E>): SQL {
  return "id" in key ? sql`id = ${typed(key.id, "uuid")}` : table.naturalKey(key.sameKeyAs);
}

class Transaction implements WriteTransaction {
  constructor(private readonly tx: Executor) {}

  async lock<E extends Entity>(entity: E, key: RecordKey<E>): Promise<StoredRecord<E> | null> {
    const table = tableOf(entity);
    const selected = table.columns.map((c) => sql.raw(`${c.column}::text as "${c.field}"`));
    const query = sql`select id::text as id, ${sql.join(selected, sql`, `)}
      from ${sql.raw(table.table)} where ${whereKey(table, key)} for update`;
    const rows = rowsOf<StoredRecord<E>>(await guarded(() => this.tx.execute(query)));
    return rows[0] ?? null;
  }

  async update<E extends Entity>(
    entity: E,
    id: string,
    next: EntityFields[E],
    changes: FieldChanges,
    stamp: AuditStamp,
  ): Promise<void> {
    const table = tableOf(entity);
    const assignments = table.columns.map((c) => sql`${sql.raw(c.column)} = ${typed(next[c.field], c.type)}`);
    if (table.fingerprint) assignments.push(sql`fingerprint = ${table.fingerprint(next)}`);
    assignments.push(sql`updated_at = now()`);
    const query = sql`with updated as (
        update ${sql.raw(table.table)} set ${sql.join(assignments, sql`, `)}
        where id = ${typed(id, "uuid")}
        returning id, ${sql.raw(table.customerColumn)} as customer_id
      )
      insert into audit_log (${auditColumns})
      select ${stamp.userName}, ${stamp.action}, ${entity}, id, customer_id, 'updated', ${JSON.stringify(changes)}::text::jsonb
      from updated`;
    await guarded(() => this.tx.execute(query));
  }

  customerExists(customerId: string): Promise<boolean> {
    return customerExists(this.tx, customerId);
  }

  async isContractOfCustomer(customerId: string, contractNo: string): Promise<boolean> {
    const query = sql`select exists (select 1 from contracts
      where customer_id = ${typed(customerId, "uuid")} and contract_no = ${contractNo}) as found`;
    return rowsOf<{ found: boolean }>(await guarded(() => this.tx.execute(query)))[0]?.found === true;
  }
}

async function customerExists(db: Executor, customerId: string): Promise<boolean> {
  const query = sql`select exists (select 1 from customers where id = ${typed(customerId, "uuid")}) as found`;
  return rowsOf<{ found: boolean }>(await guarded(() => db.execute(query)))[0]?.found === true;
}

interface AuditRow extends Omit<AuditEntry, "changes"> {
  changes: string;
}

async function auditForCustomer(db: Database, customerId: string, page: AuditPage): Promise<AuditEntry[]> {
  const before =
    page.before === null
      ? sql``
      : sql`and (at, id) < (${typed(page.before.at, "timestamptz")}, ${typed(page.before.id, "bigint")})`;
  const query = sql`select id::text as id,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
      user_name as "userName", action, entity, record_id::text as "recordId",
      customer_id::text as "customerId", operation, changes::text as changes
    from audit_log where customer_id = ${typed(customerId, "uuid")} ${before}
    order by at desc, id desc limit ${page.limit}`;
  const rows = rowsOf<AuditRow>(await guarded(() => db.execute(query)));
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as FieldChanges }));
}

/** The WriteStore of the write use cases, on either driver. */
export function createWriteStore(db: Database): WriteStore {
  return {
    create: (entity, fields, stamp) => create(db, entity, fields, stamp),
    transaction: (work) => guarded(() => db.transaction((tx) => work(new Transaction(tx)))),
    customerExists: (customerId) => customerExists(db, customerId),
    auditForCustomer: (customerId, page) => auditForCustomer(db, customerId, page),
  };
}
