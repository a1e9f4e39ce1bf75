import type { ProfitabilityIndicatorsSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Executor } from "../database";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

/** The customer's indicator names, through the (customer, indicator, month) key. */
export function profitabilityIndicatorsSource(db: Executor): ProfitabilityIndicatorsSource {
  return {
    async indicatorsOf(customerId) {
      const row = await oneRow<{ found: boolean; indicators: unknown }>(
        db,
        sql`select ${customerFound(customerId)} as found,
          coalesce((
            select json_agg(indicator order by indicator)
            from (select distinct indicator from profitability_values where customer_id = ${customerId}::uuid) i
          ), '[]'::json) as indicators`,
      );
      return row.found ? jsonOf<string[]>(row.indicators) : null;
    },
  };
}
