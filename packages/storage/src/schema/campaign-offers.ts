import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { keyAndTimestamps } from "./columns";
import { customers } from "./customers";

export const campaignOffers = pgTable(
  "campaign_offers",
  {
    ...keyAndTimestamps,
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    externalId: text().notNull(),
    product: text().notNull(),
    campaign: text().notNull(),
    score: integer().notNull().default(50),
    availableUntil: date({ mode: "string" }),
    status: text().notNull(),
    dismissedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("campaign_offers_external_id_key").on(t.externalId),
    index("campaign_offers_customer_idx").on(t.customerId),
  ],
);
