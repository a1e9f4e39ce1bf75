import { date, index, pgTable, text } from "drizzle-orm/pg-core";
import { money } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const revenues = pgTable(
  "revenues",
  {
    ...fedByCustomer(),
    revenueDate: date({ mode: "string" }).notNull(),
    category: text().notNull(),
    product: text().notNull(),
    currency: text().notNull(),
    amount: money().notNull(),
  },
  (t) => [...fedKeys("revenues", t), index("revenues_customer_date_idx").on(t.customerId, t.revenueDate)],
);
