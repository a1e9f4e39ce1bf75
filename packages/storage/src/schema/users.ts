import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";

/** API users. The name is stored as given and unique case-insensitively, as integrators type it. */
export const users = pgTable(
  "users",
  {
    ...keyAndTimestamps,
    username: text().notNull(),
    /** scrypt, parameters and salt encoded in the one string. */
    passwordHash: text().notNull(),
    roles: text().array().notNull(),
    disabled: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex("users_username_key").on(sql`lower(${t.username})`)],
);

/** Bearer tokens, stored only as a SHA-256 hash of the random token. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    clientId: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
    // Pruning of long-expired tokens scans by expiry.
    index("api_tokens_expires_idx").on(t.expiresAt),
  ],
);

/**
 * Login attempts per throttling key (`user:<name>` or `addr:<address>`) in the current window,
 * shared by every server process through the database.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    key: text().primaryKey(),
    failures: integer().notNull().default(0),
    windowStart: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("login_failures_window_idx").on(t.windowStart)],
);
