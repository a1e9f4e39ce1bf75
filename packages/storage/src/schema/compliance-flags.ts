import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

/** PEP, embargo and terrorist-list hits reported by the compliance systems. */
export const complianceFlags = pgTable(
  "compliance_flags",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    code: text().notNull(),
    since: date({ mode: "string" }).notNull(),
    clearedOn: date({ mode: "string" }),
    details: text(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("compliance_flags_customer_external_id_key").on(t.customerId, t.externalId),
    index("compliance_flags_customer_idx").on(t.customerId),
  ],
);
