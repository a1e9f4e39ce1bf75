import type { InteractionRow, RecentInteractionsSource } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { customerFound, emptyOrInLowerList, jsonOf, oneRow } from "./widget-sql";

type PageParams = {
  customerId: string;
  fromDate: string;
  toDate: string;
  /** A JSON array of channel names; empty filters nothing. */
  channels: string;
  take: number;
  afterTime?: string;
  afterId?: string;
};

const inRange = (p: { [K in keyof PageParams]-?: SQL }) => sql`customer_id = ${p.customerId}::text::uuid
  and occurred_at >= (${p.fromDate}::text::date)::timestamp at time zone 'UTC'
  and occurred_at < (${p.toDate}::text::date + 1)::timestamp at time zone 'UTC'
  and ${emptyOrInLowerList(sql`channel`, p.channels)}`;

/** The first page, or the page after a position: two texts, so each keeps an index-ordered plan. */
const page = (name: string, after: boolean) =>
  readStatement<PageParams>(name, (placeholders) => {
    const p = placeholders as unknown as { [K in keyof PageParams]-?: SQL };
    const afterPosition = after
      ? sql`and (occurred_at, id) < (${p.afterTime}::text::timestamptz, ${p.afterId}::text::uuid)`
      : sql``;
    return sql`select ${customerFound(p.customerId)} as found,
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
          select * from interactions where ${inRange(p)} ${afterPosition}
          order by occurred_at desc, id desc limit ${p.take}::int
        ) page
      ), '[]'::json) as rows,
      coalesce((
        select json_object_agg(channel, n)
        from (select channel, count(*)::int as n from interactions where ${inRange(p)} group by channel) counted
      ), '{}'::json) as counts`;
  });
const firstPage = page("recent interactions", false);
const nextPage = page("recent interactions after", true);

/**
 * FTOS_ACC_AccountRecentInteractions: one page by keyset on (occurred_at, id) and the counts per
 * channel over the whole range, in one round trip on interactions_customer_time_idx.
 */
export function recentInteractionsSource(db: Db): RecentInteractionsSource {
  return {
    async pageOf({ customerId, fromDate, toDate, channels, take, after }) {
      const params: PageParams = { customerId, fromDate, toDate, channels: JSON.stringify(channels), take };
      const row = await oneRow<{ found: boolean; rows: unknown; counts: unknown }, PageParams>(
        db,
        after ? nextPage : firstPage,
        after ? { ...params, afterTime: after.occurredAt, afterId: after.id } : params,
      );
      if (!row.found) return null;
      return {
        rows: jsonOf<InteractionRow[]>(row.rows),
        countsByChannel: jsonOf<Record<string, number>>(row.counts),
      };
    },
  };
}
