import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * CONTRACT §11's key table for a rule across customers: one (source, externalId) per
 * application, whoever the customer. Its primary key is that pair, so Citus can distribute it by
 * the pair; the application's create claims its row in the same statement. No foreign key: the
 * customer lives on another shard.
 */
export const applicationKeys = pgTable(
  "application_keys",
  {
    source: text().notNull(),
    externalId: text().notNull(),
    customerId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.externalId] })],
);
