import { date, index, pgTable, text } from "drizzle-orm/pg-core";
import { money } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const transactions = pgTable(
  "transactions",
  {
    ...fedByCustomer(),
    bookingDate: date({ mode: "string" }).notNull(),
    indicator: text().notNull(),
    direction: text().notNull(),
    interIntra: text().notNull(),
    currency: text().notNull(),
    amount: money().notNull(),
  },
  (t) => [
    ...fedKeys("transactions", t),
    index("transactions_customer_date_idx").on(t.customerId, t.bookingDate),
  ],
);
