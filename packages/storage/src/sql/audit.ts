import { type SQL, sql } from "drizzle-orm";
import { auditLog } from "../schema/audit-log";
import { changeEvents } from "../schema/change-events";
import { customers } from "../schema/customers";
import { bare, bareList } from "./columns";
import type { Param } from "./statement";

const auditColumns = bareList([
  auditLog.userName,
  auditLog.action,
  auditLog.entity,
  auditLog.recordId,
  auditLog.customerId,
  auditLog.operation,
  auditLog.changes,
  auditLog.sequence,
  auditLog.at,
]);

const eventColumns = bareList([
  changeEvents.customerId,
  changeEvents.sequence,
  changeEvents.feedTxid,
  changeEvents.type,
  changeEvents.occurredAt,
  changeEvents.actor,
  changeEvents.action,
  changeEvents.recordId,
  changeEvents.changes,
]);

/** This transaction's id, as the feed orders by it. */
export const currentTxid = sql`pg_current_xact_id()::text::bigint`;

/**
 * The `sequenced` relation of a write: each customer's next sequence number and feed key, taken
 * under its row lock (`customerIds` selects the customers whose data the statement changed).
 */
export const sequencedCustomers = (customerIds: SQL) => sql`update ${customers}
    set ${bare(customers.lastSequence)} = ${customers.lastSequence} + 1,
      ${bare(customers.lastFeedTxid)} = greatest(${customers.lastFeedTxid}, ${currentTxid})
    where ${customers.id} in (${customerIds})
    returning ${customers.id} as customer_id, ${customers.lastSequence} as sequence,
      ${customers.lastFeedTxid} as feed_txid`;

interface AuditedChanges {
  /**
   * The rows to audit, joined `using (customer_id)` with a relation named `sequenced` that holds
   * the customer's sequence number as `sequence` and its feed key as `feed_txid`
   * (sequencedCustomers).
   */
  from: SQL;
  recordId: SQL;
  userName: Param | string;
  action: Param | string;
  entity: Param | string;
  operation: SQL | "created" | "updated";
  /** A JSON text of `{field: {old, new}}`, or a jsonb expression. */
  changes: Param;
  /** `changes` is already jsonb (computed in SQL), not JSON text. */
  changesAreJsonb?: boolean;
  /**
   * CONTRACT §9's events: one per audited record (`<entity>.<operation>`), or, for an ingest
   * batch, one per customer of type `ingest.<kind>` whose changes are keyed by record id.
   */
  events?: { batchType: string };
}

/** CONTRACT §9 names a legal entity's events as a customer's: both are accounts of one kind of record. */
const EVENT_ENTITY_OF: Record<string, string> = { legalEntity: "customer" };

/** Per record of a batch: `{old: {field: old, …}, new: {field: new, …}}` of its changed fields. */
const recordChanges = sql`jsonb_build_object(
    'old', (select jsonb_object_agg(key, value -> 'old') from jsonb_each(audited.changes)),
    'new', (select jsonb_object_agg(key, value -> 'new') from jsonb_each(audited.changes)))`;

/**
 * The one audit insert and its change event, as two entries of a WITH list (`audited`, then
 * `evented`) for the caller's statement: who, which action and record, each field's old and new
 * value, under the customer's sequence number, at the clock's time (taken after the customer's
 * row lock, so `at` never runs backwards against `sequence`). A data-modifying WITH entry runs
 * whether or not the statement reads it, so the entry and its event commit with the change.
 */
export function auditedChanges(entry: AuditedChanges): SQL {
  const text = (value: Param | string) => sql`${value}::text`;
  const changes = entry.changesAreJsonb ? entry.changes : sql`${entry.changes}::text::jsonb`;
  const eventEntity =
    typeof entry.entity === "string" ? (EVENT_ENTITY_OF[entry.entity] ?? entry.entity) : entry.entity;
  const audited = sql`audited as (
    insert into ${auditLog} (${auditColumns})
    select ${text(entry.userName)}, ${text(entry.action)}, ${text(entry.entity)}, ${entry.recordId},
      customer_id, ${text(entry.operation)}, ${changes}, sequenced.sequence, clock_timestamp()
    from ${entry.from}
    returning user_name, action, entity, record_id, customer_id, operation, changes, sequence, at
  )`;
  const evented = entry.events
    ? sql`evented as (
        insert into ${changeEvents} (${eventColumns})
        select customer_id, sequence, sequenced.feed_txid, ${entry.events.batchType}::text, min(at), user_name,
          action, null, jsonb_object_agg(audited.record_id::text, ${recordChanges})
        from audited join sequenced using (customer_id, sequence)
        group by customer_id, sequence, sequenced.feed_txid, user_name, action
      )`
    : sql`evented as (
        insert into ${changeEvents} (${eventColumns})
        select customer_id, sequence, sequenced.feed_txid, ${text(eventEntity)} || '.' || operation, at, user_name, action,
          record_id, changes
        from audited join sequenced using (customer_id, sequence)
      )`;
  return sql`${audited}, ${evented}`;
}
