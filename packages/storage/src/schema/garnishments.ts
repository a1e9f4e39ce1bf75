import { date, index, pgTable, text } from "drizzle-orm/pg-core";
import { money } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const garnishments = pgTable(
  "garnishments",
  {
    ...fedByCustomer(),
    authority: text().notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    since: date({ mode: "string" }).notNull(),
    releasedOn: date({ mode: "string" }),
  },
  (t) => [...fedKeys("garnishments", t), index("garnishments_customer_idx").on(t.customerId)],
);
