import { CLOSED_TASK_STATUSES } from "@account360/core";
import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { literalList, ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const tasks = pgTable(
  "tasks",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    title: text().notNull(),
    dueDate: date({ mode: "string" }),
    status: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    uniqueIndex("tasks_customer_external_id_key").on(t.customerId, t.externalId),
    index("tasks_customer_idx").on(t.customerId, t.dueDate),
    // Open tasks (pending activities), not every task ever done for the customer.
    index("tasks_customer_open_idx")
      .on(t.customerId)
      .where(sql`lower(trim(${t.status})) not in ${literalList(CLOSED_TASK_STATUSES)}`),
  ],
);
