import { sql } from "drizzle-orm";
import { date, index, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { fedByCustomer, fedKeys } from "./owned-columns";

/** One value of a profitability indicator for one customer and month (`month` is its first day). */
export const profitabilityValues = pgTable(
  "profitability_values",
  {
    ...fedByCustomer(),
    indicator: text().notNull(),
    month: date({ mode: "string" }).notNull(),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
  },
  (t) => [
    ...fedKeys("profitability_values", t),
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
