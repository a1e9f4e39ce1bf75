import type { ChangeEvent, ChangeEventSource, FeedPosition } from "@account360/core";
import { type SQL, sql } from "drizzle-orm";
import { changeEvents as e } from "../schema/change-events";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";

type PageParams = { txid: string; position: string; limit: number; customerId?: string };

/** An event's columns as the API names them (JSON and numbers as text), with its feed position. */
export const eventColumns = sql`${e.eventId}::text as "eventId", ${e.customerId}::text as "customerId",
  ${e.sequence}::text as sequence, ${e.type} as type,
  to_char(${e.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "occurredAt",
  ${e.actor} as actor, ${e.action} as action, ${e.recordId}::text as "recordId",
  ${e.changes}::text as changes, ${e.feedTxid}::text as txid, ${e.position}::text as position`;

/**
 * Oldest first by (feed_txid, position). Only keys below the oldest transaction still running are
 * read (`pg_snapshot_xmin`): a key is never below its own writer's id, so every such writer has
 * ended, and an event still to commit has a key above any handed out: paging sees each event
 * exactly once. A customer's keys only grow with its sequence, so its events come in order.
 */
const page = (name: string, customer: (p: Record<keyof PageParams, SQL>) => SQL) =>
  readStatement<PageParams>(
    name,
    (p) => sql`select ${eventColumns} from ${e}
      where ${customer(p as never)} (${e.feedTxid}, ${e.position}) > (${p.txid}::text::bigint, ${p.position}::text::bigint)
        and ${e.feedTxid} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      order by ${e.feedTxid}, ${e.position}
      limit ${p.limit}::int`,
  );

const everyCustomer = page("change events", () => sql``);
const oneCustomer = page(
  "change events of a customer",
  (p) => sql`${e.customerId} = ${p.customerId}::text::uuid and`,
);

export type EventRow = Omit<ChangeEvent, "sequence" | "changes"> &
  FeedPosition & { sequence: string; changes: string };

/** A row of `eventColumns` as the event and its feed position. */
export function eventOf({ txid, position, sequence, changes, ...event }: EventRow): {
  event: ChangeEvent;
  at: FeedPosition;
} {
  return {
    event: { ...event, sequence: Number(sequence), changes: JSON.parse(changes) },
    at: { txid, position },
  };
}

export function changeEventSource(db: Db): ChangeEventSource {
  return {
    async list({ limit, after, customerId }) {
      const from = after ?? { txid: "0", position: "0" };
      const params = { txid: from.txid, position: from.position, limit };
      const rows = customerId
        ? await db.run<EventRow, PageParams>(oneCustomer, { ...params, customerId })
        : await db.run<EventRow, PageParams>(everyCustomer, params);
      return rows.map(eventOf);
    },
  };
}
