import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps, money } from "./columns";
import { customers } from "./customers";

export const applications = pgTable(
  "applications",
  {
    ...keyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    source: text().notNull(),
    externalId: text().notNull(),
    url: text().notNull(),
    name: text().notNull(),
    bankingProduct: text().notNull(),
    businessStatus: text().notNull(),
    amount: money(),
    currency: text(),
  },
  (t) => [
    uniqueIndex("applications_source_external_id_key").on(t.source, t.externalId),
    index("applications_customer_idx").on(t.customerId, t.createdAt),
  ],
);
