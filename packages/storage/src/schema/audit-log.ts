import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One row per write that changed data: who, when, which action and record, each field's old and new value. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    userName: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    recordId: uuid().notNull(),
    customerId: uuid().notNull(),
    operation: text().notNull(),
    changes: jsonb().$type<Record<string, { old: unknown; new: unknown }>>().notNull(),
  },
  (t) => [index("audit_log_customer_idx").on(t.customerId, t.at)],
);
