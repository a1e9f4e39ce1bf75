import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * CONTRACT §9's webhook endpoints: where events of the given types are delivered, signed with the
 * endpoint's secret (Standard Webhooks). Each endpoint reads the feed from its own position.
 */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  /** `whsec_<base64>`: the HMAC key of the signatures; never answered, never logged. */
  secret: text().notNull(),
  /** Event types or patterns (`customer.*`, `*`). */
  types: text().array().notNull(),
  createdBy: text().notNull(),
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** The feed position up to which events were queued for this endpoint. */
  feedTxid: bigint({ mode: "number" }).notNull().default(0),
  feedPosition: bigint({ mode: "number" }).notNull().default(0),
  /** Set when a delivery kept failing for the whole retry window; nothing is sent until resumed. */
  parkedAt: timestamp({ withTimezone: true, mode: "date" }),
});

/**
 * One event to deliver to one endpoint. Per endpoint and customer only the lowest sequence not
 * yet delivered may be sent, so a customer's events arrive in order; a lease (`lease_until`)
 * keeps two processes from sending the same delivery at once.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    customerId: uuid().notNull(),
    sequence: bigint({ mode: "number" }).notNull(),
    /** pending, delivered or parked. */
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    firstAttemptAt: timestamp({ withTimezone: true, mode: "date" }),
    nextAttemptAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    leaseUntil: timestamp({ withTimezone: true, mode: "date" }),
    lastStatus: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.endpointId, t.sequence] }),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** Where each relay of the feed to another system (NATS JetStream) stands; its row is locked while it publishes. */
export const eventRelays = pgTable("event_relays", {
  name: text().primaryKey(),
  feedTxid: bigint({ mode: "number" }).notNull(),
  feedPosition: bigint({ mode: "number" }).notNull(),
});
