import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";

/** The two kinds of customer account; a legal entity of accountType Group is a group. */
export const CUSTOMER_KINDS = ["individual", "legalEntity"] as const;

/**
 * The Account entity: an individual or a legal entity, in one table so that both share one
 * UniqueID namespace (the key table `customer_unique_ids` decides between kinds, also under
 * concurrency) and every table that names a customer names either kind. `uniqueId` is stored
 * upper-case; a lookup by it uses `customers_search_unique_id_idx`.
 */
export const customers = pgTable(
  "customers",
  {
    ...keyAndTimestamps,
    kind: text({ enum: CUSTOMER_KINDS }).notNull().default("individual"),
    uniqueId: text().notNull(),
    /** An individual's names; null for a legal entity. */
    firstName: text(),
    lastName: text(),
    /** Mandatory for an individual, optional for a legal entity. */
    email: text(),
    mobilePhone: text(),
    emailAddressType: text(),
    phoneNumberType: text(),
    /** A legal entity's fields; null for an individual. */
    name: text(),
    registrationNumber: text(),
    industry: text(),
    accountType: text(),
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
    check("customers_kind_check", sql`${t.kind} in ('individual', 'legalEntity')`),
    check(
      "customers_individual_fields",
      sql`${t.kind} <> 'individual' or (${t.firstName} is not null and ${t.lastName} is not null
        and ${t.email} is not null and ${t.mobilePhone} is not null)`,
    ),
    check(
      "customers_legal_entity_fields",
      sql`${t.kind} <> 'legalEntity' or (${t.name} is not null and ${t.accountType} is not null)`,
    ),
    // customers.search for legal entities: name and registration number prefixes.
    index("customers_search_name_idx").using("btree", sql`lower(${t.name}) text_pattern_ops`, t.id),
    index("customers_search_registration_number_idx").using(
      "btree",
      sql`upper(${t.registrationNumber}) text_pattern_ops`,
      t.id,
    ),
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
