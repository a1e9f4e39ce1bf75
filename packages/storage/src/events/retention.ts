import { sql } from "drizzle-orm";
import { changeEvents as e } from "../schema/change-events";
import type { Db } from "../sql/db";
import { writeStatement } from "../sql/statement";

/** At most this many events go per statement, so clean-up never holds long locks or a long transaction. */
const BATCH = 5_000;

const deleteBatch = writeStatement<{ days: number; batch: number }>(
  "delete expired change events",
  (p) => sql`delete from ${e}
    where (${e.customerId}, ${e.sequence}) in (
      select ${e.customerId}, ${e.sequence} from ${e}
      where ${e.occurredAt} < now() - make_interval(days => ${p.days}::int)
      limit ${p.batch}::int)
    returning 1`,
);

/**
 * CONTRACT §9's retention: events older than `days` leave the feed (the audit log keeps the
 * changes for good). Answers how many were deleted.
 */
export async function deleteExpiredEvents(db: Db, days: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await db.run<unknown, { days: number; batch: number }>(deleteBatch, { days, batch: BATCH });
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}
