import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text } from "drizzle-orm/pg-core";
import { money } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const instalments = pgTable(
  "instalments",
  {
    ...fedByCustomer(),
    contractNo: text().notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    paid: boolean().notNull().default(false),
  },
  (t) => [
    ...fedKeys("instalments", t),
    index("instalments_customer_due_idx").on(t.customerId, t.dueDate),
    // Overdue instalments (flags, header, pending activities): the few unpaid ones, not every
    // instalment a long-standing borrower has paid (4,994 of 4,997 rows read at 20,000 of history).
    index("instalments_customer_unpaid_idx").on(t.customerId, t.dueDate).where(sql`not ${t.paid}`),
  ],
);
