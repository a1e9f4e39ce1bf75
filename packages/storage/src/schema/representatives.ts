import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";
import { customers } from "./customers";

/** AccountRelContact: `representativeId` is the representing customer's own id. */
export const representatives = pgTable(
  "representatives",
  {
    ...keyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    representativeId: uuid()
      .notNull()
      .references(() => customers.id),
    relationType: text().notNull(),
  },
  (t) => [
    uniqueIndex("representatives_triple_key").on(t.customerId, t.representativeId, t.relationType),
    index("representatives_representative_idx").on(t.representativeId),
    check("representatives_not_self", sql`${t.customerId} <> ${t.representativeId}`),
  ],
);
