import { CLOSED_OFFER_STATUSES } from "@account360/core";
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { literalList } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

export const campaignOffers = pgTable(
  "campaign_offers",
  {
    ...fedByCustomer(),
    product: text().notNull(),
    campaign: text().notNull(),
    score: integer().notNull().default(50),
    availableUntil: date({ mode: "string" }),
    status: text().notNull(),
    dismissedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    ...fedKeys("campaign_offers", t),
    index("campaign_offers_customer_idx").on(t.customerId),
    // Open offers (product suggestions), not every offer a customer was ever made.
    index("campaign_offers_customer_open_idx")
      .on(t.customerId)
      .where(
        sql`${t.dismissedAt} is null and lower(trim(${t.status})) not in ${literalList(CLOSED_OFFER_STATUSES)}`,
      ),
  ],
);
