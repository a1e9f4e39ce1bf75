import {
  firstDayOf,
  lastDayOf,
  type ProfitabilitySource,
  type ProfitabilityValueRow,
} from "@account360/core";
import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../database";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

/** How many names a 404 lists at most; more would not help a caller who mistyped one. */
const KNOWN_INDICATORS_LISTED = 100;

/**
 * FTOS_ACC_AccountProfitabilityPI: one round trip on the (customer, indicator, month) key; the
 * indicator name is matched case-insensitively within the customer's few rows.
 */
export function profitabilitySource(db: Executor): ProfitabilitySource {
  return {
    async valuesOf({ customerId, indicatorName, fromMonth, toMonth }) {
      const row = await oneRow<{ found: boolean; indicator: string | null; values: unknown }>(
        db,
        sql`select ${customerFound(customerId)} as found,
          coalesce(
            (select indicator from profitability_values
              where customer_id = ${customerId}::uuid and lower(indicator) = lower(${indicatorName})
              order by month desc limit 1),
            -- Only when the customer has no value of it: is it an indicator at all?
            (select indicator from profitability_values where lower(indicator) = lower(${indicatorName}) limit 1)
          ) as indicator,
          coalesce((
            select json_agg(json_build_object('month', to_char(month, 'YYYY-MM'), 'value', value::text) order by month)
            from profitability_values
            where customer_id = ${customerId}::uuid and lower(indicator) = lower(${indicatorName})
              and month between ${firstDayOf(fromMonth)}::date and ${lastDayOf(toMonth)}::date
          ), '[]'::json) as values`,
      );
      if (!row.found) return null;
      return { indicator: row.indicator, values: jsonOf<ProfitabilityValueRow[]>(row.values) };
    },

    async knownIndicators() {
      const rows = rowsOf<{ indicator: string }>(
        await db.execute(
          sql`select distinct indicator from profitability_values order by indicator limit ${KNOWN_INDICATORS_LISTED}`,
        ),
      );
      return rows.map((r) => r.indicator);
    },
  };
}
