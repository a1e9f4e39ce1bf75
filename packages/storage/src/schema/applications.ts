import { FINAL_BUSINESS_STATUSES } from "@account360/core";
import { sql } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { literalList, money } from "./columns";
import { customerOwned, ownedPrimaryKey } from "./owned-columns";

export const applications = pgTable(
  "applications",
  {
    ...customerOwned(),
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
    ownedPrimaryKey(t),
    // Unique across customers through application_keys (CONTRACT §11); this one finds the record.
    index("applications_source_external_id_idx").on(t.source, t.externalId),
    index("applications_customer_idx").on(t.customerId, t.createdAt),
    // Pending applications (lifecycle, pending activities): the few not yet decided, not the
    // customer's every decided one. The predicate is the widgets' own test, word for word.
    index("applications_customer_pending_idx")
      .on(t.customerId)
      .where(sql`lower(trim(${t.businessStatus})) not in ${literalList(FINAL_BUSINESS_STATUSES)}`),
  ],
);
