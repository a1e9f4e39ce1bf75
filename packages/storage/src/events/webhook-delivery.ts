import { type ChangeEvent, typeMatches } from "@account360/core";
import { sql } from "drizzle-orm";
import { changeEvents as e } from "../schema/change-events";
import { webhookDeliveries as d, webhookEndpoints as w } from "../schema/webhooks";
import type { Db } from "../sql/db";
import { writeStatement } from "../sql/statement";
import { changeEventSource, type EventRow, eventColumns, eventOf } from "./change-event-feed";

/**
 * What the webhook worker of each server process runs against the database. Several processes may
 * run it at once: queueing locks each endpoint's row (SKIP LOCKED, so they share the endpoints),
 * and a delivery is leased before it is sent, so no two processes send it at the same time.
 */

const FEED_PAGE = 500;
const ENDPOINTS_PER_ROUND = 50;

type EndpointCursor = { id: string; types: string; txid: string; position: string };

const lockEndpoints = writeStatement<{ limit: number }>(
  "lock webhook endpoints to queue",
  (p) => sql`select ${w.id}::text as id, array_to_json(${w.types})::text as types,
      ${w.feedTxid}::text as txid, ${w.feedPosition}::text as position
    from ${w} order by ${w.id} limit ${p.limit}::int for update skip locked`,
);

const queueDeliveries = writeStatement<{ id: string; events: string; txid: string; position: string }>(
  "queue webhook deliveries",
  (p) => sql`with queued as (
      insert into ${d} (endpoint_id, customer_id, sequence)
      select ${p.id}::text::uuid, x.customer_id, x.sequence
      from jsonb_to_recordset(${p.events}::text::jsonb) as x(customer_id uuid, sequence bigint)
      on conflict do nothing
    )
    update ${w} set feed_txid = ${p.txid}::text::bigint, feed_position = ${p.position}::text::bigint
    where ${w.id} = ${p.id}::text::uuid`,
);

/**
 * Reads each endpoint's next page of the feed and queues a delivery for each event of its types,
 * moving the endpoint's position in the same transaction. Answers how many were queued.
 */
export async function queueWebhookDeliveries(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const endpoints = await tx.run<EndpointCursor, { limit: number }>(lockEndpoints, {
      limit: ENDPOINTS_PER_ROUND,
    });
    let queued = 0;
    for (const endpoint of endpoints) {
      const types = JSON.parse(endpoint.types) as string[];
      const page = await changeEventSource(tx).list({
        limit: FEED_PAGE,
        after: endpoint,
        customerId: undefined,
      });
      const last = page[page.length - 1];
      if (!last) continue;
      const matching = page
        .filter(({ event }) => typeMatches(types, event.type))
        .map(({ event }) => ({ customer_id: event.customerId, sequence: event.sequence }));
      await tx.run(queueDeliveries, { id: endpoint.id, events: JSON.stringify(matching), ...last.at });
      queued += matching.length;
    }
    return queued;
  });
}

export interface LeasedDelivery {
  endpointId: string;
  url: string;
  secret: string;
  /** This attempt's number, 1 for the first. */
  attempts: number;
  /** When the first attempt was made (ms since the epoch). */
  firstAttemptAt: number;
  event: ChangeEvent;
}

/**
 * Leases the deliveries due now, at most one per endpoint and customer (its lowest sequence not
 * yet delivered, so a customer's events go in order and one at a time), none of a parked
 * endpoint. Another process skips what this one locked, then finds it leased.
 */
const leaseDue = writeStatement<{ limit: number; seconds: number }>(
  "lease webhook deliveries",
  (p) => sql`with due as (
      select ${d.customerId}, ${d.endpointId}, ${d.sequence} from ${d}
      join ${w} on ${w.id} = ${d.endpointId} and ${w.parkedAt} is null
      where ${d.status} = 'pending' and ${d.nextAttemptAt} <= now()
        and (${d.leaseUntil} is null or ${d.leaseUntil} < now())
        and not exists (
          select 1 from ${d} earlier
          where earlier.customer_id = ${d.customerId} and earlier.endpoint_id = ${d.endpointId}
            and earlier.sequence < ${d.sequence} and earlier.status <> 'delivered')
      order by ${d.nextAttemptAt}, ${d.customerId}, ${d.sequence}
      limit ${p.limit}::int
      for update of ${d} skip locked
    ), leased as (
      update ${d} set lease_until = now() + make_interval(secs => ${p.seconds}::int),
        attempts = ${d.attempts} + 1, first_attempt_at = coalesce(${d.firstAttemptAt}, now())
      from due
      where (${d.customerId}, ${d.endpointId}, ${d.sequence}) = (due.customer_id, due.endpoint_id, due.sequence)
      returning ${d.customerId} as customer_id, ${d.endpointId} as endpoint_id, ${d.sequence} as sequence,
        ${d.attempts} as attempts, ${d.firstAttemptAt} as first_attempt_at
    )
    select leased.endpoint_id::text as "endpointId", ${w.url} as url, ${w.secret} as secret,
      leased.attempts, (extract(epoch from leased.first_attempt_at) * 1000)::float8 as "firstAttemptAt",
      ${eventColumns}
    from leased
    join ${w} on ${w.id} = leased.endpoint_id
    join ${e} on ${e.customerId} = leased.customer_id and ${e.sequence} = leased.sequence`,
);

type LeasedRow = EventRow & Omit<LeasedDelivery, "event">;

export async function leaseWebhookDeliveries(
  db: Db,
  limit: number,
  leaseSeconds: number,
): Promise<LeasedDelivery[]> {
  const rows = await db.run<LeasedRow, { limit: number; seconds: number }>(leaseDue, {
    limit,
    seconds: leaseSeconds,
  });
  return rows.map(({ endpointId, url, secret, attempts, firstAttemptAt, ...row }) => ({
    endpointId,
    url,
    secret,
    attempts: Number(attempts),
    firstAttemptAt: Number(firstAttemptAt),
    event: eventOf(row as EventRow).event,
  }));
}

/** How an attempt ended: delivered (a 2xx), to be tried again at `retryAt`, or parked. */
export type DeliveryOutcome =
  | { kind: "delivered"; status: number }
  | { kind: "retry"; status: number | null; error: string; retryAt: Date }
  | { kind: "park"; status: number | null; error: string };

type SettleParams = {
  endpointId: string;
  customerId: string;
  sequence: number;
  kind: string;
  status: number | null;
  error: string | null;
  retryAt: string | null;
};

const settle = writeStatement<SettleParams>(
  "settle webhook delivery",
  (p) => sql`with settled as (
      update ${d} set
        status = case ${p.kind}::text when 'delivered' then 'delivered' when 'park' then 'parked' else 'pending' end,
        delivered_at = case when ${p.kind}::text = 'delivered' then now() end,
        next_attempt_at = coalesce(${p.retryAt}::text::timestamptz, ${d.nextAttemptAt}),
        lease_until = null, last_status = ${p.status}::int, last_error = ${p.error}::text
      where ${d.endpointId} = ${p.endpointId}::text::uuid and ${d.customerId} = ${p.customerId}::text::uuid
        and ${d.sequence} = ${p.sequence}::bigint
      returning endpoint_id
    )
    update ${w} set parked_at = now()
    where ${p.kind}::text = 'park' and ${w.id} in (select endpoint_id from settled)`,
);

export async function settleWebhookDelivery(
  db: Db,
  delivery: Pick<LeasedDelivery, "endpointId" | "event">,
  outcome: DeliveryOutcome,
): Promise<void> {
  await db.run(settle, {
    endpointId: delivery.endpointId,
    customerId: delivery.event.customerId,
    sequence: delivery.event.sequence,
    kind: outcome.kind,
    status: outcome.status,
    error: outcome.kind === "delivered" ? null : outcome.error,
    retryAt: outcome.kind === "retry" ? outcome.retryAt.toISOString() : null,
  });
}
