import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";

/** The Account entity: an individual customer. `uniqueId` is stored upper-case. */
export const customers = pgTable(
  "customers",
  {
    ...keyAndTimestamps,
    uniqueId: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text().notNull(),
    mobilePhone: text().notNull(),
    emailAddressType: text(),
    phoneNumberType: text(),
    segment: text(),
    /**
     * The sequence number of the customer's last change: every write that changes the customer's
     * data takes the next one while holding this row's lock, so the numbers follow commit order
     * with no gap (audit entries and change events carry it).
     */
    lastSequence: bigint({ mode: "number" }).notNull().default(0),
    /**
     * The greatest transaction id among the customer's change events (change_events.feed_txid),
     * moved with lastSequence: it keeps the feed in each customer's sequence order.
     */
    lastFeedTxid: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    uniqueIndex("customers_unique_id_key").on(t.uniqueId),
    index("customers_last_name_idx").on(t.lastName),
    // customers.search: prefix matches (`LIKE 'abc%'`), each walked in index order with a limit.
    // text_pattern_ops lets a btree serve LIKE whatever the database's collation; `id` breaks
    // ties so the walk is deterministic. The two name orders cover "first", "last", "first last"
    // and "last first" prefixes, since a prefix without a space can only fall in the first name.
    index("customers_search_first_last_idx").using(
      "btree",
      sql`lower(${t.firstName} || ' ' || ${t.lastName}) text_pattern_ops`,
      t.id,
    ),
    index("customers_search_last_first_idx").using(
      "btree",
      sql`lower(${t.lastName} || ' ' || ${t.firstName}) text_pattern_ops`,
      t.id,
    ),
    index("customers_search_email_idx").using("btree", sql`lower(${t.email}) text_pattern_ops`, t.id),
    index("customers_search_unique_id_idx").using("btree", t.uniqueId.op("text_pattern_ops"), t.id),
    index("customers_search_mobile_phone_idx").using("btree", t.mobilePhone.op("text_pattern_ops"), t.id),
  ],
);
