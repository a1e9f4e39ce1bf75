import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const interactions = pgTable(
  "interactions",
  {
    ...keyAndTimestamps,
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
    uniqueIndex("interactions_external_id_key").on(t.externalId),
    index("interactions_customer_time_idx").on(t.customerId, t.occurredAt, t.id),
  ],
);
