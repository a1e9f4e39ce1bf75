import { date, index, pgTable, text } from "drizzle-orm/pg-core";
import { fedByCustomer, fedKeys } from "./owned-columns";

/** PEP, embargo and terrorist-list hits reported by the compliance systems. */
export const complianceFlags = pgTable(
  "compliance_flags",
  {
    ...fedByCustomer(),
    code: text().notNull(),
    since: date({ mode: "string" }).notNull(),
    clearedOn: date({ mode: "string" }),
    details: text(),
  },
  (t) => [...fedKeys("compliance_flags", t), index("compliance_flags_customer_idx").on(t.customerId)],
);
