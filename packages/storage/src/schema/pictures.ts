import { customType, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** One picture per customer: PNG, JPEG or WebP, checked by its bytes before it is stored. */
export const pictures = pgTable("pictures", {
  customerId: uuid()
    .primaryKey()
    .references(() => customers.id),
  contentType: text().notNull(),
  data: bytea().notNull(),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
