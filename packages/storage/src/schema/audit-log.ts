import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** One row per write that changed data: who, when, which action and record, each field's old and new value. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).notNull(),
    /** When the change was made: taken after the customer's row lock, so it follows `sequence`. */
    at: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    userName: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    recordId: uuid().notNull(),
    customerId: uuid().notNull(),
    operation: text().notNull(),
    changes: jsonb().$type<Record<string, { old: unknown; new: unknown }>>().notNull(),
    /** The customer's change sequence number (customers.last_sequence) this entry was written under. */
    sequence: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    index("audit_log_customer_sequence_idx").on(t.customerId, t.sequence, t.id),
  ],
);
