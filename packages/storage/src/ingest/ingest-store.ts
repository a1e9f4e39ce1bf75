import {
  AppError,
  type FieldError,
  type IngestKind,
  type IngestResult,
  type IngestRow,
  type IngestStore,
} from "@account360/core";
import { type Column, getTableName, type SQL, sql } from "drizzle-orm";
import { contracts, customers } from "../schema";
import { auditedChanges, sequencedCustomers } from "../sql/audit";
import { columnName, updatedAtOf } from "../sql/columns";
import type { Db } from "../sql/db";
import { type IngestColumn, type IngestTable, ingestTables } from "./ingest-tables";

/** Problems listed at most per refusal, like the validation errors. */
const MAX_PROBLEMS = 500;

const raw = (text: string) => sql.raw(text);

/** A column of the JSON batch (`r`) or of a table alias, as SQL text. */
const ref = (alias: string, column: Column) => `${alias}.${columnName(column)}`;

/** `jsonb_to_recordset(...) as r(i int, <columns>)` over one JSON parameter: one parameter whatever the batch size. */
function recordset<K extends IngestKind>(columns: IngestColumn<K>[], rows: readonly IngestRow<K>[]): SQL {
  const records = rows.map((row, i) => {
    const record: Record<string, unknown> = { i };
    for (const column of columns) record[columnName(column.column)] = column.value(row);
    return record;
  });
  const types = ["i int", ...columns.map((c) => `${columnName(c.column)} ${c.type}`)].join(", ");
  // `::text::jsonb`: postgres.js would encode a string parameter typed jsonb as a JSON string.
  return sql`jsonb_to_recordset(${JSON.stringify(records)}::text::jsonb) as r(${raw(types)})`;
}

type Problem = { i: number; problem: "customer" | "contract" | "natural"; other: string | null };

/**
 * One query finding every row that names an unknown customer or contract (404) or whose natural
 * key belongs to another record (409), so the refusal names each row. External ids are unique per
 * customer (CONTRACT §11): the same one under two customers names two records.
 */
async function findProblems<K extends IngestKind>(
  db: Db,
  table: IngestTable<K>,
  rows: readonly IngestRow<K>[],
): Promise<Problem[]> {
  const wanted = new Set([table.customer, table.key, ...(table.naturalKey?.columns ?? [])]);
  if (table.contractReference) wanted.add(table.contractReference);
  const columns = table.columns.filter((c) => wanted.has(c.column));
  const customer = raw(ref("r", table.customer));
  const customerExists = sql`exists (select 1 from ${customers} where ${customers.id} = ${customer})`;
  const checks: SQL[] = [
    sql`select r.i, 'customer' as problem, null::text as other from r where not ${customerExists}`,
  ];
  if (table.naturalKey) {
    const same = raw(table.naturalKey.columns.map((c) => `${ref("t", c)} = ${ref("r", c)}`).join(" and "));
    const [stored, incoming] = [raw(ref("t", table.key)), raw(ref("r", table.key))];
    checks.push(sql`select r.i, 'natural', ${stored} from r join ${table.table} t on ${same}
        where ${stored} <> ${incoming}`);
  }
  if (table.contractReference) {
    checks.push(sql`select r.i, 'contract', null from r
        where ${customerExists}
          and not exists (select 1 from ${contracts} where ${contracts.customerId} = ${customer}
            and ${contracts.contractNo} = ${raw(ref("r", table.contractReference))})`);
  }
  const query = sql`with r as (select * from ${recordset(columns, rows)})
    ${sql.join(checks, sql` union all `)}
    order by 1, 2 limit ${MAX_PROBLEMS}`;
  return (await db.execute<Problem>(query, `ingest ${getTableName(table.table)} check`)).map((p) => ({
    ...p,
    i: Number(p.i),
  }));
}

function refusalOf<K extends IngestKind>(
  table: IngestTable<K>,
  rows: readonly IngestRow<K>[],
  problems: Problem[],
): AppError {
  const missing = problems.filter((p) => p.problem === "customer" || p.problem === "contract");
  const listed = missing.length > 0 ? missing : problems;
  const fieldErrors: FieldError[] = listed.map(({ i, problem, other }) => {
    const row = rows[i] as Record<string, unknown>;
    switch (problem) {
      case "customer":
        return {
          field: `rows.${i}.customerInternalId`,
          message: `No customer has customerInternalId ${row.customerInternalId}`,
        };
      case "contract":
        return {
          field: `rows.${i}.contractNo`,
          message: `Customer ${row.customerInternalId} has no contract ${row.contractNo}; ingest the contract first`,
        };
      default:
        return {
          field: `rows.${i}.${table.naturalKey?.field ?? "externalId"}`,
          message: `${table.naturalKey?.describe(rows[i]!) ?? "The record"} is already stored under externalId ${other}`,
        };
    }
  });
  const first = fieldErrors[0];
  const summary = `${first?.field}: ${first?.message}${fieldErrors.length > 1 ? ` (and ${fieldErrors.length - 1} more)` : ""}`;
  return missing.length > 0
    ? new AppError(
        "NOT_FOUND",
        `The batch refers to records that do not exist; nothing was stored: ${summary}.`,
        fieldErrors,
      )
    : new AppError(
        "CONFLICT",
        `The batch conflicts with stored records; nothing was stored: ${summary}.`,
        fieldErrors,
      );
}

/**
 * The upsert and its audit entries as one statement. `o` reads the stored rows before the
 * statement changes them (every part of a statement sees the same snapshot), so each audit
 * entry holds old and new values; rows a feed re-sends unchanged are counted as updated but
 * leave no audit entry. Each customer whose records changed takes one sequence number for the
 * whole batch, which all its audit entries of the batch carry, and one change event for it.
 */
function upsertStatement<K extends IngestKind>(
  table: IngestTable<K>,
  rows: readonly IngestRow<K>[],
  actor: string,
  kind: K,
): SQL {
  const { columns } = table;
  const key = columnName(table.key);
  // The conflict target: a unique index, per customer for external ids (CONTRACT §11).
  const keyColumns = (table.key === table.customer ? [table.key] : [table.customer, table.key]).map(
    columnName,
  );
  const keyList = keyColumns.join(", ");
  const sameKey = (a: string, b: string) => keyColumns.map((c) => `${a}.${c} = ${b}.${c}`).join(" and ");
  const names = columns.map((c) => columnName(c.column));
  const inserted = columns.map((c) => (c.insert ? c.insert(ref("r", c.column)) : ref("r", c.column)));
  const set = columns
    .filter((c) => c.column !== table.key && c.column !== table.customer)
    .map((c) => {
      const incoming = ref("excluded", c.column);
      return `${columnName(c.column)} = ${c.update ? c.update(ref("t", c.column), incoming) : incoming}`;
    })
    .concat(`${columnName(updatedAtOf(table.table))} = now()`);
  const changes = columns
    .map((c) => {
      const before = `case when o.${key} is null then null else ${c.audit(ref("o", c.column))} end`;
      const after = c.audit(ref("u", c.column));
      return `case when (${before}) is distinct from (${after})
        then jsonb_build_object('${c.field}', jsonb_build_object('old', ${before}, 'new', ${after})) else '{}'::jsonb end`;
    })
    .join(" || ");
  return sql`with r as (select * from ${recordset(columns, rows)}),
    o as (select ${raw(names.map((n) => `t.${n}`).join(", "))} from ${table.table} t
          where (${raw(keyColumns.map((c) => `t.${c}`).join(", "))}) in (select ${raw(keyColumns.map((c) => `r.${c}`).join(", "))} from r)),
    u as (
      insert into ${table.table} as t (${raw(names.join(", "))})
      select ${raw(inserted.join(", "))} from r order by r.${raw(key)}
      on conflict (${raw(keyList)}) do update set ${raw(set.join(", "))}
      returning ${raw(ref("t", table.idColumn))} as record_id, (t.xmax = 0) as inserted, ${raw(names.map((n) => `t.${n}`).join(", "))}
    ),
    c as (
      select u.record_id, ${raw(ref("u", table.customer))} as customer_id, u.inserted, ${raw(changes)} as changes
      from u left join o on ${raw(sameKey("o", "u"))}
    ),
    changed as (select * from c where inserted or changes <> '{}'::jsonb),
    sequenced as (${sequencedCustomers(sql`select customer_id from changed`)}),
    ${auditedChanges({
      from: sql`changed join sequenced using (customer_id)`,
      recordId: sql`changed.record_id`,
      userName: actor,
      action: `ingest.${kind}`,
      entity: table.entity,
      operation: sql`case when changed.inserted then 'created' else 'updated' end`,
      changes: sql`changed.changes`,
      changesAreJsonb: true,
      events: { batchType: `ingest.${kind}` },
    })}
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from u`;
}

async function upsertBatch<K extends IngestKind>(
  db: Db,
  kind: K,
  rows: readonly IngestRow<K>[],
  actor: string,
): Promise<IngestResult> {
  const table = ingestTables[kind] as IngestTable<K>;
  return db.transaction(async (tx) => {
    const problems = await findProblems(tx, table, rows);
    if (problems.length > 0) throw refusalOf(table, rows, problems);
    const [counts] = await tx.execute<IngestResult>(
      upsertStatement(table, rows, actor, kind),
      `ingest ${kind}`,
    );
    const result = { inserted: Number(counts?.inserted ?? 0), updated: Number(counts?.updated ?? 0) };
    return result;
  });
}

/** The IngestStore port over one database: each batch in its own transaction, all or nothing. */
export function ingestStore(db: Db): IngestStore {
  return { upsert: (kind, rows, actor) => upsertBatch(db, kind, rows, actor) };
}
