import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { money, ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const garnishments = pgTable(
  "garnishments",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    authority: text().notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    since: date({ mode: "string" }).notNull(),
    releasedOn: date({ mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("garnishments_customer_external_id_key").on(t.customerId, t.externalId),
    index("garnishments_customer_idx").on(t.customerId),
  ],
);
