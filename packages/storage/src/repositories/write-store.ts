import {
  type AuditEntry,
  type AuditPage,
  type AuditStamp,
  type CustomerAccount,
  creationChanges,
  type Entity,
  type EntityFields,
  type FieldChanges,
  GROUP_ACCOUNT_TYPE,
  type RecordKey,
  type StoredRecord,
  type WriteStore,
  type WriteTransaction,
} from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { auditLog } from "../schema/audit-log";
import { contracts } from "../schema/contracts";
import { customers } from "../schema/customers";
import { groupMembers } from "../schema/group-members";
import { auditedChanges, currentTxid, sequencedCustomers } from "../sql/audit";
import { asColumnType, bare, bareList, updatedAtOf } from "../sql/columns";
import type { Db } from "../sql/db";
import { type Param, readStatement, type Statement, writeStatement } from "../sql/statement";
import { claimedKey, movedKey } from "./key-claims";
import { type WriteTable, writeTables } from "./write-tables";

type Values = Record<string, unknown>;

/** A kind is one of the schema's constant words, written out like the partial indexes' lists. */
const kindLiteral = (kind: string): SQL => sql.raw(`'${kind.replaceAll("'", "''")}'`);

/** The placeholder of a field's value: fields are named `f_<field>` among the stamp's own parameters. */
const fieldKey = (field: string) => `f_${field}`;

function fieldValues<E extends Entity>(table: WriteTable<E>, fields: EntityFields[E]): Values {
  const values: Values = {};
  for (const { field } of table.columns) values[fieldKey(field)] = fields[field];
  if (table.fingerprint) values.fingerprint = table.fingerprint.of(fields);
  return values;
}

const isGroupAccount = (alias: string): SQL =>
  sql`${sql.raw(alias)}.kind = 'legalEntity' and ${sql.raw(alias)}.account_type = ${sql.raw(`'${GROUP_ACCOUNT_TYPE}'`)}`;

/**
 * From the group's row, when the group is a group and the member is not, both rows locked: a
 * concurrent change of either's accountType (or the group's name, which the membership keeps)
 * waits for this insert, and this insert for it (then sees its outcome). The member's row takes
 * the lock its sequence update needs (FOR NO KEY UPDATE) at once: with only a share lock, two
 * identical requests each held one, the first then waited for the second's share to update the
 * row and the second for the first's insert to resolve its conflict, a deadlock.
 */
const fromGroupWithMember = (groupId: Param, customerId: Param): SQL =>
  sql`from ${customers} g
    where g.id = ${groupId}::text::uuid and ${isGroupAccount("g")}
      and exists (
        select 1 from ${customers} m where m.id = ${customerId}::text::uuid and not (${isGroupAccount("m")})
        for no key update
      )
    for share of g`;

/** A group's rename reaches its memberships, which keep its name, in the rename's statement. */
const renamedMemberships = (groupId: SQL, name: SQL): SQL =>
  sql`renamed as (
      update ${groupMembers} set ${bare(groupMembers.groupName)} = ${name}
      where ${groupMembers.groupId} = ${groupId} and ${groupMembers.groupName} is distinct from ${name}
      returning 1
    ), `;

/** A field's placeholder cast to its column's type (key tables' columns have the record's types). */
const fieldValueOf =
  <E extends Entity>(table: WriteTable<E>, p: Record<string, unknown>) =>
  (field: string): SQL => {
    const column = table.columns.find((c) => c.field === field)?.column;
    if (!column) throw new Error(`${table.entity} has no column for the field ${field}`);
    return asColumnType(p[fieldKey(field)], column);
  };

/**
 * The audit entry and event of the row a create or update wrote: `operation` is also the name of
 * the statement's relation holding its id and customer_id (beside `sequenced`).
 */
const auditedWrite = <E extends Entity>(
  table: WriteTable<E>,
  p: Record<string, unknown>,
  operation: "created" | "updated",
): SQL =>
  auditedChanges({
    from: sql`${sql.raw(operation)} join sequenced using (customer_id)`,
    recordId: sql`${sql.raw(operation)}.id`,
    userName: p.userName as never,
    action: p.action as never,
    entity: table.entity,
    operation,
    changes: p.changes as never,
  });

/**
 * One statement: the insert, its audit entry and its event commit together, ON CONFLICT DO NOTHING lets the
 * unique indexes (or the key table's claim) decide between concurrent identical requests (exactly one creates), and the
 * customer's sequence moves only when a row was inserted.
 */
function createStatement<E extends Entity>(table: WriteTable<E>): Statement<Values> {
  return writeStatement(`create ${table.entity}`, (p) => {
    const columns = table.columns.map((c) => c.column);
    const values = table.columns.map((c) => asColumnType(p[fieldKey(c.field) as never], c.column));
    if (table.fingerprint) {
      columns.push(table.fingerprint.column);
      values.push(sql`${p.fingerprint as never}::text`);
    }
    const isCustomer = table.table === customers;
    if (isCustomer) {
      columns.push(customers.lastSequence, customers.lastFeedTxid);
      values.push(sql`1`, currentTxid);
    }
    if (table.kind) {
      columns.push(table.kind.column);
      values.push(kindLiteral(table.kind.value));
    }
    const contract = table.contractOfCustomer
      ? sql`where ${p[fieldKey("contractNo") as never]}::text is null or exists (
          select 1 from ${contracts}
          where ${contracts.customerId} = ${p[fieldKey("customerInternalId") as never]}::text::uuid
            and ${contracts.contractNo} = ${p[fieldKey("contractNo") as never]}::text)`
      : table.groupAndMember
        ? fromGroupWithMember(
            p[fieldKey("groupInternalId") as never] as Param,
            p[fieldKey("customerInternalId") as never] as Param,
          )
        : table.claims
          ? sql`from claimed`
          : table.representativeExists
            ? sql`where exists (select 1 from ${customers} r
                where r.id = ${p[fieldKey("customerRepresentativeNo") as never]}::text::uuid for share)`
            : sql``;
    if (table.groupAndMember) {
      columns.push(groupMembers.groupName);
      values.push(sql`g.name`);
    }
    if (table.claims?.newRecordId) {
      columns.push(table.id);
      values.push(sql`claimed.id`);
    }
    const claim = table.claims ? sql`${claimedKey(table.claims, fieldValueOf(table, p))}, ` : sql``;
    return sql`with ${claim}created as (
        insert into ${table.table} (${bareList(columns)})
        select ${sql.join(values, sql`, `)} ${contract}
        on conflict do nothing
        returning ${bare(table.id)} as id, ${bare(table.customer)} as customer_id
      ), sequenced as (
        ${isCustomer ? sql`select id as customer_id, 1::bigint as sequence, ${currentTxid} as feed_txid from created` : sequencedCustomers(sql`select customer_id from created`)}
      ), ${auditedWrite(table, p, "created")}
      select id::text as id from created`;
  });
}

/** The record's fields as the API names them, all as text (the use cases compare strings). */
const selectFields = <E extends Entity>(table: WriteTable<E>): SQL =>
  sql.join(
    [
      sql`${bare(table.id)}::text as id`,
      ...table.columns.map((c) => sql`${bare(c.column)}::text as ${sql.identifier(c.field)}`),
    ],
    sql`, `,
  );

/** Only rows of the table's kind (customer accounts share a table); nothing for other tables. */
const ofKind = <E extends Entity>(table: WriteTable<E>): SQL =>
  table.kind ? sql` and ${bare(table.kind.column)} = ${kindLiteral(table.kind.value)}` : sql``;

function lockByIdStatement<E extends Entity>(table: WriteTable<E>): Statement<Values> {
  return writeStatement(
    `lock ${table.entity} by id`,
    (p) => sql`select ${selectFields(table)} from ${table.table}
      where ${bare(table.id)} = ${p.id as never}::text::uuid${ofKind(table)} for update`,
  );
}

function lockByKeyStatements<E extends Entity>(table: WriteTable<E>) {
  return table.naturalKeys.map((key) => ({
    when: key.when,
    statement: writeStatement<Values>(`lock ${table.entity} by natural key`, (p) => {
      const equal = key.columns.map((column) => {
        const field = table.columns.find((c) => c.column === column)?.field;
        const value = field
          ? asColumnType(p[fieldKey(field) as never], column)
          : sql`${p.fingerprint as never}::text`;
        return sql`${bare(column)} = ${value}`;
      });
      const externalId = table.columns.find((c) => c.field === "externalId")?.column;
      if (key.externalIdIsNull && externalId) equal.push(sql`${bare(externalId)} is null`);
      return sql`select ${selectFields(table)} from ${table.table}
        where ${sql.join(equal, sql` and `)}${ofKind(table)} for update`;
    }),
  }));
}

/** The update, the customer's next sequence number, the audit entry and its event, in one statement. */
function updateStatement<E extends Entity>(table: WriteTable<E>): Statement<Values> {
  return writeStatement(`update ${table.entity}`, (p) => {
    const isCustomer = table.table === customers;
    const assignments = table.columns.map(
      (c) => sql`${bare(c.column)} = ${asColumnType(p[fieldKey(c.field) as never], c.column)}`,
    );
    if (table.fingerprint)
      assignments.push(sql`${bare(table.fingerprint.column)} = ${p.fingerprint as never}::text`);
    // A row may be changed once per statement, so the customer's own update also takes its number.
    if (isCustomer) {
      assignments.push(
        sql`${bare(customers.lastSequence)} = ${customers.lastSequence} + 1`,
        sql`${bare(customers.lastFeedTxid)} = greatest(${customers.lastFeedTxid}, ${currentTxid})`,
      );
    }
    assignments.push(sql`${bare(updatedAtOf(table.table))} = now()`);
    const recordId = sql`${p.id as never}::text::uuid`;
    const move = table.claims
      ? sql`${movedKey(table, table.claims, recordId, fieldValueOf(table, p))}, `
      : sql``;
    const rename = table.namesItsMemberships
      ? renamedMemberships(recordId, fieldValueOf(table, p)("name"))
      : sql``;
    return sql`with ${move}${rename}updated as (
        update ${table.table} set ${sql.join(assignments, sql`, `)}
        where ${bare(table.id)} = ${recordId}
        returning ${bare(table.id)} as id, ${bare(table.customer)} as customer_id
          ${isCustomer ? sql`, ${bare(customers.lastSequence)} as sequence, ${bare(customers.lastFeedTxid)} as feed_txid` : sql``}
      ), sequenced as (
        ${isCustomer ? sql`select customer_id, sequence, feed_txid from updated` : sequencedCustomers(sql`select customer_id from updated`)}
      ), ${auditedWrite(table, p, "updated")}
      select id::text as id from updated`;
  });
}

const statementsOf = <E extends Entity>(table: WriteTable<E>) => ({
  table,
  create: createStatement(table),
  lockById: lockByIdStatement(table),
  lockByKey: lockByKeyStatements(table),
  update: updateStatement(table),
});

const statements = {
  customer: statementsOf(writeTables.customer),
  legalEntity: statementsOf(writeTables.legalEntity),
  groupMember: statementsOf(writeTables.groupMember),
  address: statementsOf(writeTables.address),
  representative: statementsOf(writeTables.representative),
  application: statementsOf(writeTables.application),
  agreement: statementsOf(writeTables.agreement),
};
const statementsFor = <E extends Entity>(entity: E) =>
  statements[entity] as unknown as ReturnType<typeof statementsOf<E>>;

const customerExistsStatement = readStatement<{ customerId: string }>(
  "customer exists",
  (p) =>
    sql`select exists (select 1 from ${customers} where ${customers.id} = ${p.customerId}::text::uuid) as found`,
);

const contractOfCustomerStatement = readStatement<{ customerId: string; contractNo: string }>(
  "contract of customer",
  (p) => sql`select exists (select 1 from ${contracts}
    where ${contracts.customerId} = ${p.customerId}::text::uuid and ${contracts.contractNo} = ${p.contractNo}::text) as found`,
);

const accountColumns = sql`${customers.kind} as kind, ${customers.accountType} as "accountType"`;

const accountOfStatement = writeStatement<{ customerId: string }>(
  "account of customer",
  (p) => sql`select ${accountColumns} from ${customers} where ${customers.id} = ${p.customerId}::text::uuid`,
);

const accountHoldingUniqueIdStatement = writeStatement<{ uniqueId: string }>(
  "account holding UniqueID",
  (p) => sql`select ${customers.id}::text as id, ${accountColumns} from ${customers}
    where ${customers.uniqueId} = ${p.uniqueId}::text`,
);

const membershipCountsStatement = writeStatement<{ customerId: string }>(
  "membership counts",
  (p) => sql`select
      (select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${p.customerId}::text::uuid) as "asGroup",
      (select count(*)::int from ${groupMembers} where ${groupMembers.customerId} = ${p.customerId}::text::uuid) as "asMember"`,
);

const auditColumns = sql`${auditLog.id}::text as id,
  to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  ${auditLog.sequence}::text as sequence,
  ${auditLog.userName} as "userName", ${auditLog.action} as action, ${auditLog.entity} as entity,
  ${auditLog.recordId}::text as "recordId", ${auditLog.customerId}::text as "customerId",
  ${auditLog.operation} as operation, ${auditLog.changes}::text as changes`;

type AuditParams = { customerId: string; limit: number; sequence?: string; id?: string };

/** Newest first, in the order the changes were committed (the customer's sequence), one page. */
const auditPage = (name: string, after: boolean) =>
  readStatement<AuditParams>(
    name,
    (p) => sql`select ${auditColumns} from ${auditLog}
      where ${auditLog.customerId} = ${p.customerId}::text::uuid
        ${after ? sql`and (${auditLog.sequence}, ${auditLog.id}) < (${p.sequence}::text::bigint, ${p.id}::text::bigint)` : sql``}
      order by ${auditLog.sequence} desc, ${auditLog.id} desc limit ${p.limit}::int`,
  );
const auditFirstPage = auditPage("audit first page", false);
const auditNextPage = auditPage("audit next page", true);

interface AuditRow extends Omit<AuditEntry, "changes" | "sequence"> {
  sequence: string;
  changes: string;
}

class Transaction implements WriteTransaction {
  constructor(private readonly db: Db) {}

  async lock<E extends Entity>(entity: E, key: RecordKey<E>): Promise<StoredRecord<E> | null> {
    const s = statementsFor(entity);
    if ("id" in key) {
      return (await this.db.run<StoredRecord<E>, Values>(s.lockById, { id: key.id }))[0] ?? null;
    }
    const fields = key.sameKeyAs;
    const byKey = s.lockByKey.find((k) => k.when(fields));
    if (!byKey) throw new Error(`No natural key of ${entity} fits these fields`);
    return (
      (await this.db.run<StoredRecord<E>, Values>(byKey.statement, fieldValues(s.table, fields)))[0] ?? null
    );
  }

  async update<E extends Entity>(
    entity: E,
    id: string,
    next: EntityFields[E],
    changes: FieldChanges,
    stamp: AuditStamp,
  ): Promise<void> {
    const s = statementsFor(entity);
    await this.db.run(s.update, {
      ...fieldValues(s.table, next),
      id,
      userName: stamp.userName,
      action: stamp.action,
      changes: JSON.stringify(changes),
    });
  }

  customerExists(customerId: string): Promise<boolean> {
    return customerExists(this.db, customerId);
  }

  async isContractOfCustomer(customerId: string, contractNo: string): Promise<boolean> {
    const rows = await this.db.run<{ found: boolean }, { customerId: string; contractNo: string }>(
      contractOfCustomerStatement,
      { customerId, contractNo },
    );
    return rows[0]?.found === true;
  }

  async accountOf(customerId: string): Promise<CustomerAccount | null> {
    const rows = await this.db.run<CustomerAccount, { customerId: string }>(accountOfStatement, {
      customerId,
    });
    return rows[0] ?? null;
  }

  async accountHoldingUniqueId(uniqueId: string): Promise<(CustomerAccount & { id: string }) | null> {
    const rows = await this.db.run<CustomerAccount & { id: string }, { uniqueId: string }>(
      accountHoldingUniqueIdStatement,
      { uniqueId },
    );
    return rows[0] ?? null;
  }

  async membershipCounts(customerId: string): Promise<{ asGroup: number; asMember: number }> {
    const rows = await this.db.run<{ asGroup: number; asMember: number }, { customerId: string }>(
      membershipCountsStatement,
      { customerId },
    );
    return { asGroup: Number(rows[0]?.asGroup ?? 0), asMember: Number(rows[0]?.asMember ?? 0) };
  }
}

async function customerExists(db: Db, customerId: string): Promise<boolean> {
  const rows = await db.run<{ found: boolean }, { customerId: string }>(customerExistsStatement, {
    customerId,
  });
  return rows[0]?.found === true;
}

/** The WriteStore of the write use cases, on either driver. */
export function createWriteStore(db: Db): WriteStore {
  return {
    async create(entity, fields, stamp) {
      const s = statementsFor(entity);
      const rows = await db.run<{ id: string }, Values>(s.create, {
        ...fieldValues(s.table, fields),
        userName: stamp.userName,
        action: stamp.action,
        changes: JSON.stringify(creationChanges(fields)),
      });
      return rows[0]?.id ?? null;
    },
    transaction: (work) => db.transaction((tx) => work(new Transaction(tx))),
    customerExists: (customerId) => customerExists(db, customerId),
    async auditForCustomer(customerId, page: AuditPage) {
      const rows = page.before
        ? await db.run<AuditRow, AuditParams>(auditNextPage, {
            customerId,
            limit: page.limit,
            sequence: String(page.before.sequence),
            id: page.before.id,
          })
        : await db.run<AuditRow, AuditParams>(auditFirstPage, { customerId, limit: page.limit });
      return rows.map((row) => ({
        ...row,
        sequence: Number(row.sequence),
        changes: JSON.parse(row.changes) as FieldChanges,
      }));
    },
  };
}
