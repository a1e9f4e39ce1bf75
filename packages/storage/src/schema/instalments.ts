import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps, money } from "./columns";
import { customers } from "./customers";

export const instalments = pgTable(
  "instalments",
  {
    ...keyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    contractNo: text().notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    paid: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex("instalments_external_id_key").on(t.externalId),
    index("instalments_customer_due_idx").on(t.customerId, t.dueDate),
  ],
);
