import type { ChangeEvent } from "@account360/core";
import { sql } from "drizzle-orm";
import { eventRelays as r } from "../schema/webhooks";
import type { Db } from "../sql/db";
import { writeStatement } from "../sql/statement";
import { changeEventSource } from "./change-event-feed";

const RELAY_PAGE = 500;

/** A relay seen for the first time starts with the events from now on, as a new webhook endpoint does. */
const claimRelay = writeStatement<{ name: string }>(
  "claim event relay",
  (p) => sql`with created as (
      insert into ${r} (name, feed_txid, feed_position)
      values (${p.name}::text, pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1, ${Number.MAX_SAFE_INTEGER}::bigint)
      on conflict do nothing
    )
    select ${r.feedTxid}::text as txid, ${r.feedPosition}::text as position
    from ${r} where ${r.name} = ${p.name}::text for update skip locked`,
);

const moveRelay = writeStatement<{ name: string; txid: string; position: string }>(
  "move event relay",
  (p) => sql`update ${r} set feed_txid = ${p.txid}::text::bigint, feed_position = ${p.position}::text::bigint
    where ${r.name} = ${p.name}::text`,
);

/**
 * Hands the next page of the feed to `publish`, in feed order, and moves the relay's position once
 * it resolved: all in one transaction holding the relay's row, so one process at a time publishes
 * and a failed or interrupted page is published again (at least once; the receiver drops repeats
 * by event id). Answers how many events were published (0 when another process holds the relay).
 */
export async function relayEvents(
  db: Db,
  name: string,
  publish: (events: readonly ChangeEvent[]) => Promise<void>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx.run<{ txid: string; position: string }, { name: string }>(claimRelay, {
      name,
    });
    if (!claimed) return 0;
    const page = await changeEventSource(tx).list({
      limit: RELAY_PAGE,
      after: claimed,
      customerId: undefined,
    });
    const last = page[page.length - 1];
    if (!last) return 0;
    await publish(page.map(({ event }) => event));
    await tx.run(moveRelay, { name, ...last.at });
    return page.length;
  });
}
