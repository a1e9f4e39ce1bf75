import type { RevenuesSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

interface SumRow {
  /** grouping(month, category): 1 per month, 2 per category, 3 per currency. */
  level: 1 | 2 | 3;
  month: string | null;
  category: string | null;
  currency: string;
  amount: string;
}

/**
 * FTOS_ACC_AccountRevenuesPI: the sums per month, per category and per currency come from one
 * scan (grouping sets) on revenues_customer_date_idx, exact numeric, so they add up by
 * construction.
 */
const sumsStatement = readStatement<{ customerId: string; startDate: string; endDate: string }>(
  "revenues",
  ({ customerId, startDate, endDate }) => sql`select ${customerFound(customerId)} as found,
          coalesce((
            select json_agg(json_build_object(
              'level', level, 'month', month, 'category', category, 'currency', currency, 'amount', total::text))
            from (
              select to_char(revenue_date, 'YYYY-MM') as month, category, currency, sum(amount) as total,
                grouping(to_char(revenue_date, 'YYYY-MM'), category) as level
              from revenues
              where customer_id = ${customerId}::text::uuid
                and revenue_date between ${startDate}::text::date and ${endDate}::text::date
              group by grouping sets (
                (to_char(revenue_date, 'YYYY-MM'), currency), (category, currency), (currency))
            ) sums
          ), '[]'::json) as sums`,
);

export function revenuesSource(db: Db): RevenuesSource {
  return {
    async sumsOf(query) {
      const row = await oneRow<{ found: boolean; sums: unknown }, typeof query>(db, sumsStatement, query);
      if (!row.found) return null;
      const sums = jsonOf<SumRow[]>(row.sums);
      return {
        byMonth: sums.flatMap((s) =>
          s.level === 1 && s.month !== null
            ? [{ month: s.month, currency: s.currency, amount: s.amount }]
            : [],
        ),
        byCategory: sums.flatMap((s) =>
          s.level === 2 && s.category !== null
            ? [{ category: s.category, currency: s.currency, amount: s.amount }]
            : [],
        ),
        byCurrency: sums.flatMap((s) => (s.level === 3 ? [{ currency: s.currency, amount: s.amount }] : [])),
      };
    },
  };
}
