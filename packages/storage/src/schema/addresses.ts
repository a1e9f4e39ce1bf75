import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { customerOwned, ownedPrimaryKey } from "./owned-columns";

export const addresses = pgTable(
  "addresses",
  {
    ...customerOwned(),
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
    ownedPrimaryKey(t),
    index("addresses_customer_idx").on(t.customerId),
    uniqueIndex("addresses_customer_fingerprint_key").on(t.customerId, t.fingerprint),
  ],
);
