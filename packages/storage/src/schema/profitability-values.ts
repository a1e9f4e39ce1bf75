import { sql } from "drizzle-orm";
import { date, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

/** One value of a profitability indicator for one customer and month (`month` is its first day). */
export const profitabilityValues = pgTable(
  "profitability_values",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    indicator: text().notNull(),
    month: date({ mode: "string" }).notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("profitability_values_customer_external_id_key").on(t.customerId, t.externalId),
    uniqueIndex("profitability_values_customer_indicator_month_key").on(t.customerId, t.indicator, t.month),
    // The widget matches the indicator's name case-insensitively, which the key above cannot
    // serve: without this it reads every value of every indicator of the customer.
    index("profitability_values_customer_lower_indicator_idx").on(
      t.customerId,
      sql`lower(${t.indicator})`,
      t.month,
    ),
  ],
);
