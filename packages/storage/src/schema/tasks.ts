import { date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const tasks = pgTable(
  "tasks",
  {
    ...keyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    title: text().notNull(),
    dueDate: date({ mode: "string" }),
    status: text().notNull(),
  },
  (t) => [
    uniqueIndex("tasks_external_id_key").on(t.externalId),
    index("tasks_customer_idx").on(t.customerId, t.dueDate),
  ],
);
