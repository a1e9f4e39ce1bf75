import type { TransactionTotalRow, TransactionValueRow, TransactionValuesSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Executor } from "../database";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

type GroupRow = TransactionValueRow & {
  /** grouping(indicator, inter_intra): 0 a row, 3 a total per currency and direction. */
  level: 0 | 3;
};

/**
 * FTOS_ACC_GetCustomerTransactionValues: rows and totals from one scan (grouping sets) on
 * transactions_customer_date_idx; option filters compare case-insensitively with what is stored.
 */
export function transactionValuesSource(db: Executor): TransactionValuesSource {
  return {
    async valuesOf({ customerId, startDate, endDate, indicators, direction, interIntra, currency }) {
      const filters = sql.join(
        [
          sql`customer_id = ${customerId}::uuid`,
          sql`booking_date between ${startDate}::date and ${endDate}::date`,
          indicators.length > 0
            ? sql`lower(indicator) in ${indicators.map((i) => i.toLowerCase())}`
            : undefined,
          direction ? sql`lower(direction) = ${direction.toLowerCase()}` : undefined,
          interIntra ? sql`lower(inter_intra) = ${interIntra.toLowerCase()}` : undefined,
          currency ? sql`upper(currency) = ${currency.toUpperCase()}` : undefined,
        ].filter((f) => f !== undefined),
        sql` and `,
      );
      const row = await oneRow<{ found: boolean; groups: unknown }>(
        db,
        sql`select ${customerFound(customerId)} as found,
          coalesce((
            select json_agg(json_build_object(
              'level', level, 'indicator', indicator, 'direction', direction, 'interIntra', inter_intra,
              'currency', currency, 'count', n, 'amount', total::text))
            from (
              select indicator, direction, inter_intra, currency, count(*)::int as n, sum(amount) as total,
                grouping(indicator, inter_intra) as level
              from transactions where ${filters}
              group by grouping sets ((indicator, direction, inter_intra, currency), (currency, direction))
            ) grouped
          ), '[]'::json) as groups`,
      );
      if (!row.found) return null;
      const groups = jsonOf<GroupRow[]>(row.groups);
      return {
        rows: groups.filter((g) => g.level === 0).map(({ level: _level, ...r }) => r),
        totals: groups
          .filter((g) => g.level === 3)
          .map(
            (g): TransactionTotalRow => ({
              currency: g.currency,
              direction: g.direction,
              count: g.count,
              amount: g.amount,
            }),
          ),
      };
    },
  };
}
