import type { ProfitabilityIndicatorsSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { customerFound, jsonIfFound } from "./widget-sql";

const indicators = readStatement<{ customerId: string }>(
  "profitability indicators",
  ({ customerId }) => sql`select ${customerFound(customerId)} as found,
    coalesce((
      select json_agg(indicator order by indicator)
      from (select distinct indicator from profitability_values where customer_id = ${customerId}::text::uuid) i
    ), '[]'::json) as indicators`,
);

/** The customer's indicator names, through the (customer, indicator, month) key. */
export function profitabilityIndicatorsSource(db: Db): ProfitabilityIndicatorsSource {
  return {
    async indicatorsOf(customerId) {
      return jsonIfFound<string[], { customerId: string }>(db, indicators, { customerId }, "indicators");
    },
  };
}
