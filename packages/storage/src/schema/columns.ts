import { numeric, timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns every table carries: a UUID key and when the row was created and last changed. */
export const keyAndTimestamps = {
  id: uuid().primaryKey().defaultRandom(),
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
};

/** Money: exact decimals with two fractional digits, below 10^13, read back as strings. */
export const money = (name?: string) =>
  name ? numeric(name, { precision: 15, scale: 2 }) : numeric({ precision: 15, scale: 2 });
