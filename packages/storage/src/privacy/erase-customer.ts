import {
  ERASED_VALUE,
  type Erasure,
  type IngestKind,
  PERSONAL_AUDIT_FIELDS,
  type Pseudonym,
} from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { ingestTables } from "../ingest/ingest-tables";
import { movedKey } from "../repositories/key-claims";
import { writeTables } from "../repositories/write-tables";
import {
  addresses,
  auditLog,
  campaignOffers,
  changeEvents,
  customers,
  interactions,
  pictures,
  tasks,
} from "../schema";
import { auditedChanges, sequencedCustomers } from "../sql/audit";
import { bare } from "../sql/columns";
import type { Db } from "../sql/db";
import { retentionRecords } from "./retention-records";

const erased = sql`${ERASED_VALUE}::text`;

/** The audit's entity of each ingest batch type (`ingest.interactions` → `interaction`). */
const batchEntities = Object.fromEntries(
  Object.entries(ingestTables).map(([kind, table]) => [`ingest.${kind as IngestKind}`, table.entity]),
);

/** Is `key` a personal field of `entity` (both SQL text expressions)? */
const personal = (entity: SQL, key: SQL) => {
  const fields = sql`(${JSON.stringify(PERSONAL_AUDIT_FIELDS)}::text::jsonb -> ${entity})`;
  return sql`(${fields} = '"*"'::jsonb or coalesce(jsonb_exists(${fields}, ${key}), false))`;
};

/** A value erased: JSON null stays null (it held nothing), anything else becomes the marker. */
const redact = (value: SQL) =>
  sql`(case when ${value} is null or ${value} = 'null'::jsonb then ${value} else to_jsonb(${erased}) end)`;

/** `{field: {old, new}}` with the personal fields' old and new values erased. */
const redactedChanges = (changes: SQL, entity: SQL) => sql`coalesce((select jsonb_object_agg(c.key,
    case when ${personal(entity, sql`c.key`)}
      then jsonb_build_object('old', ${redact(sql`c.value -> 'old'`)}, 'new', ${redact(sql`c.value -> 'new'`)})
      else c.value end)
  from jsonb_each(${changes}) c), '{}'::jsonb)`;

/** `{field: value}` (one side of an ingest record's change) with the personal fields erased. */
const redactedSide = (side: SQL, entity: SQL) => sql`(case when jsonb_typeof(${side}) = 'object'
  then coalesce((select jsonb_object_agg(f.key, case when ${personal(entity, sql`f.key`)} then ${redact(sql`f.value`)} else f.value end)
    from jsonb_each(${side}) f), '{}'::jsonb)
  else ${side} end)`;

/** A batch event's `{recordId: {old: {…}, new: {…}}}` with the personal fields erased. */
const redactedBatchChanges = (changes: SQL, entity: SQL) => sql`coalesce((select jsonb_object_agg(r.key,
    jsonb_build_object('old', ${redactedSide(sql`r.value -> 'old'`, entity)}, 'new', ${redactedSide(sql`r.value -> 'new'`, entity)}))
  from jsonb_each(${changes}) r), '{}'::jsonb)`;

const eventEntity = sql`coalesce(${JSON.stringify(batchEntities)}::text::jsonb ->> ${changeEvents.type},
  split_part(${changeEvents.type}, '.', 1))`;
const eventChanges = sql`(case when ${changeEvents.recordId} is null
  then ${redactedBatchChanges(sql`${changeEvents.changes}`, eventEntity)}
  else ${redactedChanges(sql`${changeEvents.changes}`, eventEntity)} end)`;
const auditChanges = redactedChanges(sql`${auditLog.changes}`, sql`${auditLog.entity}`);

/** The customer's key row moves to the pseudonym's UniqueID with it (CONTRACT §11's key table). */
const movedUniqueId = (customerId: SQL, uniqueId: string) => {
  const table = writeTables.customer;
  if (!table.claims) throw new Error("customers claim their UniqueID");
  return movedKey(table, table.claims, customerId, () => sql`${uniqueId}::text`);
};

/** Each statement changes only what still holds a personal value, so a second erasure changes nothing. */
function erasureStatements(customerId: string, p: Pseudonym): Array<[string, SQL]> {
  const id = sql`${customerId}::uuid`;
  const erasedCustomer = sql`(${p.uniqueId}::text, ${p.firstName}::text, ${p.lastName}::text, ''::text, ''::text,
    null::text, null::text, null::text)`;
  return [
    [
      "customer",
      sql`with ${movedUniqueId(id, p.uniqueId)}
        update ${customers} set ${bare(customers.uniqueId)} = ${p.uniqueId}::text,
        ${bare(customers.firstName)} = ${p.firstName}::text, ${bare(customers.lastName)} = ${p.lastName}::text,
        ${bare(customers.email)} = '', ${bare(customers.mobilePhone)} = '',
        ${bare(customers.emailAddressType)} = null, ${bare(customers.phoneNumberType)} = null,
        ${bare(customers.segment)} = null, ${bare(customers.updatedAt)} = now()
        where ${customers.id} = ${id} and (${customers.uniqueId}, ${customers.firstName}, ${customers.lastName},
          ${customers.email}, ${customers.mobilePhone}, ${customers.emailAddressType}, ${customers.phoneNumberType},
          ${customers.segment}) is distinct from ${erasedCustomer}
        returning 1`,
    ],
    ["addresses", sql`delete from ${addresses} where ${addresses.customerId} = ${id} returning 1`],
    ["picture", sql`delete from ${pictures} where ${pictures.customerId} = ${id} returning 1`],
    ["offers", sql`delete from ${campaignOffers} where ${campaignOffers.customerId} = ${id} returning 1`],
    [
      "interactions",
      sql`update ${interactions} set ${bare(interactions.subject)} = ${erased}, ${bare(interactions.updatedAt)} = now()
        where ${interactions.customerId} = ${id} and ${interactions.subject} <> ${erased} returning 1`,
    ],
    [
      "tasks",
      sql`update ${tasks} set ${bare(tasks.title)} = ${erased}, ${bare(tasks.updatedAt)} = now()
        where ${tasks.customerId} = ${id} and ${tasks.title} <> ${erased} returning 1`,
    ],
    [
      "audit entries",
      sql`update ${auditLog} set ${bare(auditLog.changes)} = ${auditChanges}
        where ${auditLog.customerId} = ${id} and ${auditLog.changes} <> ${auditChanges} returning 1`,
    ],
    [
      "change events",
      sql`update ${changeEvents} set ${bare(changeEvents.changes)} = ${eventChanges}
        where ${changeEvents.customerId} = ${id} and ${changeEvents.changes} <> ${eventChanges} returning 1`,
    ],
  ];
}

/**
 * CONTRACT §10's erasure, in one transaction under the customer's row lock: the plan is decided on
 * the records read under it (a blocked plan throws and nothing is written), every personal value
 * is erased, and, when anything was, the erasure is audited with its plan under the customer's
 * next sequence number and emits `customer.erased`.
 */
export function eraseCustomer(db: Db, customerId: string, erasure: Erasure) {
  return db.transaction(async (tx): Promise<"erased" | "unchanged" | null> => {
    const locked = await tx.execute(
      sql`select 1 from ${customers} where ${customers.id} = ${customerId}::uuid for update`,
      "privacy lock customer",
    );
    if (locked.length === 0) return null;
    const records = await retentionRecords(tx, customerId);
    if (!records) return null;
    const plan = erasure.decide(records);
    let changed = 0;
    for (const [what, statement] of erasureStatements(customerId, erasure.pseudonym)) {
      changed += (await tx.execute(statement, `privacy erase ${what}`)).length;
    }
    if (changed === 0) return "unchanged";
    await tx.execute(
      sql`with erased as (select ${customerId}::uuid as customer_id),
        sequenced as (${sequencedCustomers(sql`select customer_id from erased`)}),
        ${auditedChanges({
          from: sql`erased join sequenced using (customer_id)`,
          recordId: sql`erased.customer_id`,
          userName: erasure.userName,
          action: erasure.action,
          entity: "customer",
          operation: sql`'erased'`,
          changes: sql`${JSON.stringify({ plan: { old: null, new: plan } })}`,
        })}
        select 1`,
      "privacy erasure audit",
    );
    return "erased";
  });
}
