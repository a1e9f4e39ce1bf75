import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
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
  },
  (t) => [
    uniqueIndex("customers_unique_id_key").on(t.uniqueId),
    index("customers_last_name_idx").on(t.lastName),
  ],
);
