import { sql } from "drizzle-orm";
import { date, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { customerOwned, ownedPrimaryKey } from "./owned-columns";

export const agreements = pgTable(
  "agreements",
  {
    ...customerOwned(),
    agreementType: text().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
    sourceId: text().notNull(),
    contractNo: text(),
    externalId: text(),
    /** Hash of every field; identical agreements without an externalId are one record. */
    fingerprint: text().notNull(),
  },
  (t) => [
    ownedPrimaryKey(t),
    index("agreements_customer_idx").on(t.customerId),
    uniqueIndex("agreements_customer_external_id_key").on(t.customerId, t.externalId),
    uniqueIndex("agreements_customer_fingerprint_key")
      .on(t.customerId, t.fingerprint)
      .where(sql`${t.externalId} is null`),
    // Agreements by when they end: those ending within 30 days (pending activities) without the
    // ones that ended years ago, and the last consent to end (flags) by one step backwards.
    index("agreements_customer_end_idx").on(t.customerId, t.endDate),
  ],
);
