import type { InteractionRow, RecentInteractionsSource } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

/**
 * FTOS_ACC_AccountRecentInteractions: one page by keyset on (occurred_at, id) and the counts per
 * channel over the whole range, in one round trip on interactions_customer_time_idx.
 */
export function recentInteractionsSource(db: Executor): RecentInteractionsSource {
  return {
    async pageOf({ customerId, fromDate, toDate, channels, take, after }) {
      const inRange: SQL = sql`customer_id = ${customerId}::uuid
        and occurred_at >= (${fromDate}::date)::timestamp at time zone 'UTC'
        and occurred_at < (${toDate}::date + 1)::timestamp at time zone 'UTC'
        ${channels.length > 0 ? sql`and lower(channel) in ${channels.map((c) => c.toLowerCase())}` : sql``}`;
      const afterPosition = after
        ? sql`and (occurred_at, id) < (${after.occurredAt}::timestamptz, ${after.id}::uuid)`
        : sql``;
      const row = await oneRow<{ found: boolean; rows: unknown; counts: unknown }>(
        db,
        sql`select ${customerFound(customerId)} as found,
          coalesce((
            select json_agg(json_build_object(
              'id', id,
              'occurredAt', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'position', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
              'channel', channel,
              'type', type,
              'direction', direction,
              'subject', subject) order by occurred_at desc, id desc)
            from (
              select * from interactions where ${inRange} ${afterPosition}
              order by occurred_at desc, id desc limit ${take}
            ) page
          ), '[]'::json) as rows,
          coalesce((
            select json_object_agg(channel, n)
            from (select channel, count(*)::int as n from interactions where ${inRange} group by channel) counted
          ), '{}'::json) as counts`,
      );
      if (!row.found) return null;
      return {
        rows: jsonOf<InteractionRow[]>(row.rows),
        countsByChannel: jsonOf<Record<string, number>>(row.counts),
      };
    },
  };
}
