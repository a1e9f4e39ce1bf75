import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const interactions = pgTable(
  "interactions",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    channel: text().notNull(),
    type: text().notNull(),
    direction: text().notNull(),
    subject: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("interactions_customer_external_id_key").on(t.customerId, t.externalId),
    index("interactions_customer_time_idx").on(t.customerId, t.occurredAt, t.id),
  ],
);
