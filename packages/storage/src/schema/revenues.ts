import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { money, ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const revenues = pgTable(
  "revenues",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    revenueDate: date({ mode: "string" }).notNull(),
    category: text().notNull(),
    product: text().notNull(),
    currency: text().notNull(),
    amount: money().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("revenues_customer_external_id_key").on(t.customerId, t.externalId),
    index("revenues_customer_date_idx").on(t.customerId, t.revenueDate),
  ],
);
