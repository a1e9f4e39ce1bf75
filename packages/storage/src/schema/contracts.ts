import { ACTIVE_HOLDING_STATUSES } from "@account360/core";
import { sql } from "drizzle-orm";
import { date, index, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { literalList, money } from "./columns";
import { fedByCustomer, fedKeys } from "./owned-columns";

/** Holdings: loans, cards, overdrafts, mortgages (assets); current, savings, deposits (liabilities). */
export const contracts = pgTable(
  "contracts",
  {
    ...fedByCustomer(),
    contractNo: text().notNull(),
    category: text().notNull(),
    bankingProduct: text().notNull(),
    amount: money(),
    balance: money().notNull(),
    currency: text().notNull(),
    status: text().notNull(),
    activationDate: date({ mode: "string" }).notNull(),
    closeDate: date({ mode: "string" }),
    interestRate: numeric({ precision: 9, scale: 4 }),
  },
  (t) => [
    ...fedKeys("contracts", t),
    uniqueIndex("contracts_customer_contract_no_key").on(t.customerId, t.contractNo),
    index("contracts_customer_idx").on(t.customerId, t.activationDate),
    // Running contracts (the header's active products, the lifecycle), not every deposit the
    // customer ever rolled over.
    index("contracts_customer_active_idx")
      .on(t.customerId)
      .where(sql`lower(trim(${t.status})) in ${literalList(ACTIVE_HOLDING_STATUSES)}`),
  ],
);
