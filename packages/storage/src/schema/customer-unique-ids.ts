import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * CONTRACT §11's key table for the one UniqueID namespace of both kinds of customer: its primary
 * key is the UniqueID, so Citus can distribute it by the UniqueID while `customers` is distributed
 * by its id. A customer's create claims its row in the same statement (the claim hands the new
 * customer its id), a change of UniqueID and an erasure move it in theirs. No foreign key: the
 * customer lives on another shard.
 */
export const customerUniqueIds = pgTable(
  "customer_unique_ids",
  {
    uniqueId: text().notNull(),
    customerId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.uniqueId] })],
);
