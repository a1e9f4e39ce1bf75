import { CLOSED_TASK_STATUSES } from "@account360/core";
import { sql } from "drizzle-orm";
import { date, index, pgTable, text } from "drizzle-orm/pg-core";
import { literalList } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const tasks = pgTable(
  "tasks",
  {
    ...fedByCustomer(),
    title: text().notNull(),
    dueDate: date({ mode: "string" }),
    status: text().notNull(),
  },
  (t) => [
    ...fedKeys("tasks", t),
    index("tasks_customer_idx").on(t.customerId, t.dueDate),
    // Open tasks (pending activities), not every task ever done for the customer.
    index("tasks_customer_open_idx")
      .on(t.customerId)
      .where(sql`lower(trim(${t.status})) not in ${literalList(CLOSED_TASK_STATUSES)}`),
  ],
);
