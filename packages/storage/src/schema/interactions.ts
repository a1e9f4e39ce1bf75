import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const interactions = pgTable(
  "interactions",
  {
    ...fedByCustomer(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    channel: text().notNull(),
    type: text().notNull(),
    direction: text().notNull(),
    subject: text().notNull(),
  },
  (t) => [
    ...fedKeys("interactions", t),
    index("interactions_customer_time_idx").on(t.customerId, t.occurredAt, t.id),
  ],
);
