import type { RunContext } from "./context";
import {
  CLAIM_KEYS,
  CopySource,
  type PgliteClient,
  type ProgressListener,
  profileSteps,
  RESET_STATEMENT,
  refuseLoadedSeed,
  SKIP_FOREIGN_KEY_CHECKS,
  TRANSACTION_SLICE_BYTES,
  Tracker,
} from "./load-shared";
import type { Counts, TableName } from "./records";

/** COPY FROM '/dev/blob' (PGlite's way to feed COPY), all in one transaction. */
export async function loadPglite(
  pg: PgliteClient,
  ctx: RunContext,
  options: { reset?: boolean | undefined; onProgress?: ProgressListener | undefined },
): Promise<Counts> {
  const source = new CopySource(ctx);
  const tracker = new Tracker(ctx, options.onProgress);
  await pg.transaction(async (tx) => {
    const copy = (table: TableName, buffers: Buffer[]) =>
      tx.query(source.copyStatement(table, "'/dev/blob'"), [], { blob: new Blob(buffers) });
    if (options.reset) await tx.exec(RESET_STATEMENT);
    await refuseLoadedSeed(
      ctx,
      async (id) => (await tx.query("select 1 from customers where id = $1", [id])).rows.length > 0,
    );
    await tx.exec(SKIP_FOREIGN_KEY_CHECKS);
    for (const step of profileSteps(ctx)) {
      for (const { table, rows, buffers } of step.tables) {
        await copy(table, buffers);
        tracker.stored(table, rows);
      }
      tracker.step("profiles", step.customersDone);
    }
    await tx.exec(CLAIM_KEYS);
    let pending = 0;
    for (let index = 0; index < ctx.customers; index++) {
      pending += source.transactionsOf(index);
      if (source.writer.length < 8 * TRANSACTION_SLICE_BYTES && index < ctx.customers - 1) continue;
      if (pending > 0) await copy("transactions", source.writer.take());
      tracker.stored("transactions", pending);
      tracker.step("transactions", index + 1);
      pending = 0;
    }
  });
  return tracker.counts;
}
