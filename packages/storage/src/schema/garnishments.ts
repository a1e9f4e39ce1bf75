import { date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps, money } from "./columns";
import { customers } from "./customers";

export const garnishments = pgTable(
  "garnishments",
  {
    ...keyAndTimestamps,
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
    uniqueIndex("garnishments_external_id_key").on(t.externalId),
    index("garnishments_customer_idx").on(t.customerId),
  ],
);
