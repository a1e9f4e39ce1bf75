import { type SQL, sql } from "drizzle-orm";
import { auditLog } from "../schema/audit-log";
import { bareList } from "./columns";
import type { Param } from "./statement";

const columns = bareList([
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

interface AuditedChanges {
  /**
   * The rows to audit, joined `using (customer_id)` with a relation named `sequenced` that holds
   * the customer's sequence number as `sequence`.
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
}

/**
 * The one audit insert: who, which action and record, each field's old and new value, under the
 * customer's sequence number, at the clock's time (taken after the customer's row lock, so `at`
 * never runs backwards against `sequence`).
 */
export function auditedChanges(entry: AuditedChanges): SQL {
  const text = (value: Param | string) => sql`${value}::text`;
  const changes = entry.changesAreJsonb ? entry.changes : sql`${entry.changes}::text::jsonb`;
  return sql`insert into ${auditLog} (${columns})
    select ${text(entry.userName)}, ${text(entry.action)}, ${text(entry.entity)}, ${entry.recordId},
      customer_id, ${text(entry.operation)}, ${changes}, sequenced.sequence, clock_timestamp()
    from ${entry.from}`;
}
