import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedKeyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const addresses = pgTable(
  "addresses",
  {
    ...ownedKeyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    addressType: text().notNull(),
    country: text().notNull(),
    district: text().notNull(),
    city: text().notNull(),
    streetName: text().notNull(),
    streetNo: text().notNull(),
    buildingNo: text(),
    floorNo: text(),
    apartmentNo: text(),
    postalCode: text().notNull(),
    /** Hash of the type and every field: one customer never holds two identical addresses. */
    fingerprint: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.customerId] }),
    index("addresses_customer_idx").on(t.customerId),
    uniqueIndex("addresses_customer_fingerprint_key").on(t.customerId, t.fingerprint),
  ],
);
