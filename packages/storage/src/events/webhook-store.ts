import type { WebhookDelivery, WebhookEndpoint, WebhookStore } from "@account360/core";
import { sql } from "drizzle-orm";
import { changeEvents as e } from "../schema/change-events";
import { webhookDeliveries as d, webhookEndpoints as w } from "../schema/webhooks";
import type { Db } from "../sql/db";
import { readStatement, writeStatement } from "../sql/statement";

const iso = (column: unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const endpointColumns = sql`${w.id}::text as id, ${w.url} as url, array_to_json(${w.types})::text as types,
  ${w.createdBy} as "createdBy", ${iso(w.createdAt)} as "createdAt", ${iso(w.parkedAt)} as "parkedAt",
  (select count(*)::int from ${d} where ${d.endpointId} = ${w.id} and ${d.status} <> 'delivered') as undelivered`;

type EndpointRow = Omit<WebhookEndpoint, "types"> & { types: string };
const endpointOf = (row: EndpointRow): WebhookEndpoint => ({
  ...row,
  types: JSON.parse(row.types) as string[],
});

type AddParams = { url: string; secret: string; types: string; createdBy: string };

/**
 * A new endpoint gets the events from now on: its feed position starts just below the oldest
 * transaction still running, so an event committed by one of those is delivered too.
 */
const addEndpoint = writeStatement<AddParams>(
  "add webhook endpoint",
  (p) => sql`insert into ${w} (url, secret, types, created_by, feed_txid, feed_position)
    values (${p.url}::text, ${p.secret}::text,
      array(select jsonb_array_elements_text(${p.types}::text::jsonb)), ${p.createdBy}::text,
      pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1, ${Number.MAX_SAFE_INTEGER}::bigint)
    returning ${endpointColumns}`,
);

const listEndpoints = readStatement(
  "webhook endpoints",
  () => sql`select ${endpointColumns} from ${w} order by ${w.createdAt}, ${w.id}`,
);

const endpointById = readStatement<{ id: string }>(
  "webhook endpoint",
  (p) => sql`select ${endpointColumns} from ${w} where ${w.id} = ${p.id}::text::uuid`,
);

const removeEndpoint = writeStatement<{ id: string }>(
  "remove webhook endpoint",
  (p) => sql`delete from ${w} where ${w.id} = ${p.id}::text::uuid returning ${w.id}::text as id`,
);

/** The parked deliveries go again at once, from the start of a fresh retry window. */
const resumeEndpoint = writeStatement<{ id: string }>(
  "resume webhook endpoint",
  (p) => sql`with endpoint as (
      update ${w} set parked_at = null where ${w.id} = ${p.id}::text::uuid returning id
    ), resumed as (
      update ${d} set status = 'pending', attempts = 0, first_attempt_at = null, next_attempt_at = now(),
        lease_until = null
      where ${d.endpointId} in (select id from endpoint) and ${d.status} = 'parked'
    )
    select id::text as id from endpoint`,
);

type DeliveryParams = { id: string; status: string | null; limit: number };
type DeliveryRow = Omit<WebhookDelivery, "sequence"> & { sequence: string };

const listDeliveries = readStatement<DeliveryParams>(
  "webhook deliveries",
  (p) => sql`select ${d.customerId}::text as "customerId", ${d.sequence}::text as sequence,
      coalesce(${e.eventId}::text, '') as "eventId", coalesce(${e.type}, '') as type, ${d.status} as status,
      ${d.attempts} as attempts, ${iso(d.nextAttemptAt)} as "nextAttemptAt", ${d.lastStatus} as "lastStatus",
      ${d.lastError} as "lastError", ${iso(d.deliveredAt)} as "deliveredAt"
    from ${d} left join ${e} on ${e.customerId} = ${d.customerId} and ${e.sequence} = ${d.sequence}
    where ${d.endpointId} = ${p.id}::text::uuid and (${p.status}::text is null or ${d.status} = ${p.status}::text)
    order by coalesce(${d.deliveredAt}, ${d.nextAttemptAt}) desc, ${d.customerId}, ${d.sequence} desc
    limit ${p.limit}::int`,
);

/** The WebhookStore port: endpoints and their deliveries as an admin manages them. */
export function webhookStore(db: Db): WebhookStore {
  const byId = async (id: string) => {
    const [row] = await db.run<EndpointRow, { id: string }>(endpointById, { id });
    return row ? endpointOf(row) : null;
  };
  return {
    async add({ url, secret, types, createdBy }) {
      const [row] = await db.run<EndpointRow, AddParams>(addEndpoint, {
        url,
        secret,
        types: JSON.stringify(types),
        createdBy,
      });
      return endpointOf(row as EndpointRow);
    },
    list: async () => (await db.run<EndpointRow, Record<string, never>>(listEndpoints, {})).map(endpointOf),
    remove: async (id) => (await db.run<{ id: string }, { id: string }>(removeEndpoint, { id })).length > 0,
    async resume(id) {
      const [row] = await db.run<{ id: string }, { id: string }>(resumeEndpoint, { id });
      return row ? byId(id) : null;
    },
    async deliveries(id, status, limit) {
      if (!(await byId(id))) return null;
      const rows = await db.run<DeliveryRow, DeliveryParams>(listDeliveries, {
        id,
        status: status ?? null,
        limit,
      });
      return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
    },
  };
}
