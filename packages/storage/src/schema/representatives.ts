import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerOwned, ownedPrimaryKey } from "./owned-columns";

/** AccountRelContact: `representativeId` is the representing customer's own id. */
export const representatives = pgTable(
  "representatives",
  {
    ...customerOwned(),
    /**
     * Another customer, on another shard once distributed (CONTRACT §11), so no foreign key: the
     * link's insert requires it to exist (share-locked) and a move to another is checked first.
     */
    representativeId: uuid().notNull(),
    relationType: text().notNull(),
  },
  (t) => [
    ownedPrimaryKey(t),
    uniqueIndex("representatives_triple_key").on(t.customerId, t.representativeId, t.relationType),
    index("representatives_representative_idx").on(t.representativeId),
    check("representatives_not_self", sql`${t.customerId} <> ${t.representativeId}`),
  ],
);
