import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { money, ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const transactions = pgTable(
  "transactions",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    bookingDate: date({ mode: "string" }).notNull(),
    indicator: text().notNull(),
    direction: text().notNull(),
    interIntra: text().notNull(),
    currency: text().notNull(),
    amount: money().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("transactions_customer_external_id_key").on(t.customerId, t.externalId),
    index("transactions_customer_date_idx").on(t.customerId, t.bookingDate),
  ],
);
