import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * CONTRACT §9: one row per changed record (per customer and batch for ingest), written by the
 * same statement as its audit entry, under the same per-customer sequence number. The feed reads
 * it by (`feed_txid`, `position`), and only below the oldest transaction still running, so a page
 * never skips an event that commits later.
 */
export const changeEvents = pgTable(
  "change_events",
  {
    customerId: uuid().notNull(),
    /** The customer's change sequence number: 1, 2, 3 … in commit order, no gap, no repeat. */
    sequence: bigint({ mode: "number" }).notNull(),
    eventId: uuid().notNull().defaultRandom(),
    /** `<entity>.created|updated|erased`, or `ingest.<kind>` for a batch. */
    type: text().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    actor: text().notNull(),
    action: text().notNull(),
    /** The changed record; null for an ingest batch, whose changes are keyed by record id. */
    recordId: uuid(),
    changes: jsonb().$type<Record<string, { old: unknown; new: unknown }>>().notNull(),
    /**
     * The feed's first ordering key: the greatest of the writing transaction's id and the
     * customer's earlier events' keys (customers.last_feed_txid, taken under the customer's row
     * lock), so one customer's events come in sequence order, and no key is ever below the id of
     * the transaction that wrote it.
     */
    feedTxid: bigint({ mode: "number" }).notNull(),
    /** The feed's second ordering key: taken under the customer's row lock, so in sequence order too. */
    position: bigserial({ mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.sequence] }),
    index("change_events_feed_idx").on(t.feedTxid, t.position),
    index("change_events_occurred_at_idx").on(t.occurredAt),
  ],
);
