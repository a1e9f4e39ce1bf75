import type { TransactionTotalRow, TransactionValueRow, TransactionValuesSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { customerFound, emptyOrInLowerList, jsonOf, oneRow } from "./widget-sql";

type GroupRow = TransactionValueRow & {
  /** grouping(indicator, inter_intra): 0 a row, 3 a total per currency and direction. */
  level: 0 | 3;
};

type ValuesParams = {
  customerId: string;
  startDate: string;
  endDate: string;
  /** A JSON array of indicator names; empty filters nothing. */
  indicators: string;
  direction: string | null;
  interIntra: string | null;
  currency: string | null;
};

/** An optional filter: a null parameter filters nothing. */
const optionalEqual = (column: string, value: unknown, fold: "lower" | "upper") =>
  sql`(${value}::text is null or ${sql.raw(`${fold}(${column})`)} = ${sql.raw(fold)}(${value}::text))`;

const values = readStatement<ValuesParams>(
  "transaction values",
  (p) => sql`select ${customerFound(p.customerId)} as found,
    coalesce((
      select json_agg(json_build_object(
        'level', level, 'indicator', indicator, 'direction', direction, 'interIntra', inter_intra,
        'currency', currency, 'count', n, 'amount', total::text))
      from (
        select indicator, direction, inter_intra, currency, count(*)::int as n, sum(amount) as total,
          grouping(indicator, inter_intra) as level
        from transactions
        where customer_id = ${p.customerId}::text::uuid
          and booking_date between ${p.startDate}::text::date and ${p.endDate}::text::date
          and ${emptyOrInLowerList(sql`indicator`, p.indicators)}
          and ${optionalEqual("direction", p.direction, "lower")}
          and ${optionalEqual("inter_intra", p.interIntra, "lower")}
          and ${optionalEqual("currency", p.currency, "upper")}
        group by grouping sets ((indicator, direction, inter_intra, currency), (currency, direction))
      ) grouped
    ), '[]'::json) as groups`,
);

/**
 * FTOS_ACC_GetCustomerTransactionValues: rows and totals from one scan (grouping sets) on
 * transactions_customer_date_idx; option filters compare case-insensitively with what is stored.
 */
export function transactionValuesSource(db: Db): TransactionValuesSource {
  return {
    async valuesOf({ customerId, startDate, endDate, indicators, direction, interIntra, currency }) {
      const row = await oneRow<{ found: boolean; groups: unknown }, ValuesParams>(db, values, {
        customerId,
        startDate,
        endDate,
        indicators: JSON.stringify(indicators),
        direction,
        interIntra,
        currency,
      });
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
