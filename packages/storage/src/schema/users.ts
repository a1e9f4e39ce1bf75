import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";

export const users = pgTable(
  "users",
  {
    ...keyAndTimestamps,
    username: text().notNull(),
    passwordHash: text().notNull(),
    roles: text().array().notNull(),
    disabled: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex("users_username_key").on(t.username)],
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
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Failed logins per throttling key (a username or a client address) in the current window. */
export const loginFailures = pgTable("login_failures", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStart: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
