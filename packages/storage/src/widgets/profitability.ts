import {
  firstDayOf,
  lastDayOf,
  type ProfitabilitySource,
  type ProfitabilityValueRow,
} from "@account360/core";
import { sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

/** How many names a 404 lists at most; more would not help a caller who mistyped one. */
const KNOWN_INDICATORS_LISTED = 100;

type ValuesParams = { customerId: string; indicatorName: string; fromDay: string; toDay: string };

const values = readStatement<ValuesParams>(
  "profitability",
  (p) => sql`select ${customerFound(p.customerId)} as found,
    coalesce(
      (select indicator from profitability_values
        where customer_id = ${p.customerId}::text::uuid and lower(indicator) = lower(${p.indicatorName}::text)
        order by month desc limit 1),
      -- Only when the customer has no value of it: is it an indicator at all?
      (select indicator from profitability_values where lower(indicator) = lower(${p.indicatorName}::text) limit 1)
    ) as indicator,
    coalesce((
      select json_agg(json_build_object('month', to_char(month, 'YYYY-MM'), 'value', value::text) order by month)
      from profitability_values
      where customer_id = ${p.customerId}::text::uuid and lower(indicator) = lower(${p.indicatorName}::text)
        and month between ${p.fromDay}::text::date and ${p.toDay}::text::date
    ), '[]'::json) as values`,
);

const knownIndicators = readStatement<Record<string, never>>(
  "profitability indicator names",
  () =>
    sql`select distinct indicator from profitability_values order by indicator limit ${KNOWN_INDICATORS_LISTED}`,
);

/**
 * FTOS_ACC_AccountProfitabilityPI: one round trip on the (customer, indicator, month) key; the
 * indicator name is matched case-insensitively within the customer's few rows.
 */
export function profitabilitySource(db: Db): ProfitabilitySource {
  return {
    async valuesOf({ customerId, indicatorName, fromMonth, toMonth }) {
      const row = await oneRow<{ found: boolean; indicator: string | null; values: unknown }, ValuesParams>(
        db,
        values,
        { customerId, indicatorName, fromDay: firstDayOf(fromMonth), toDay: lastDayOf(toMonth) },
      );
      if (!row.found) return null;
      return { indicator: row.indicator, values: jsonOf<ProfitabilityValueRow[]>(row.values) };
    },

    async knownIndicators() {
      const rows = await db.run<{ indicator: string }, Record<string, never>>(knownIndicators, {});
      return rows.map((r) => r.indicator);
    },
  };
}
