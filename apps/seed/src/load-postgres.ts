import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { setImmediate as tick } from "node:timers/promises";
import type { RunContext } from "./context";
import {
  CLAIM_KEYS,
  CopySource,
  type PostgresClient,
  type ProgressListener,
  profileSteps,
  RESET_STATEMENT,
  refuseLoadedSeed,
  SKIP_FOREIGN_KEY_CHECKS,
  TRANSACTION_SLICE_BYTES,
  Tracker,
} from "./load-shared";
import type { Counts } from "./records";

type Executor = Pick<PostgresClient, "unsafe">;

/** Above this many bytes queued for the socket, the transaction stream waits for PostgreSQL. */
const HIGH_WATER_BYTES = 8 * 1024 * 1024;

/**
 * COPY FROM STDIN. A superuser's load runs two transactions side by side on two connections,
 * one for the profiles and one streaming every transaction in a single COPY, so both cores
 * work; each commits only once both have stored everything (a failure in either rolls both
 * back). Without superuser rights the foreign keys are checked, the transactions must see the
 * customers, and everything runs in one transaction, profiles first (so too on a one-connection
 * pool).
 */
export async function loadPostgres(
  sql: PostgresClient,
  ctx: RunContext,
  options: { reset?: boolean | undefined; onProgress?: ProgressListener | undefined },
): Promise<Counts> {
  const tracker = new Tracker(ctx, options.onProgress);
  const [role] = await sql<
    { superuser: boolean }[]
  >`select current_setting('is_superuser') = 'on' as superuser`;
  if (options.reset) await sql.unsafe(RESET_STATEMENT);
  const isLoaded = async (id: string) =>
    (await sql`select 1 from customers where id = ${id}::uuid`).length > 0;
  await refuseLoadedSeed(ctx, isLoaded);

  // Two transactions side by side need two connections of the pool.
  if (!role?.superuser || (sql.options.max ?? 1) < 2) {
    await sql.begin(async (tx) => {
      await copyProfiles(tx, ctx, tracker);
      await copyTransactions(tx, ctx, tracker);
    });
    return tracker.counts;
  }

  const profiles = deferred();
  const transactions = deferred();
  const both = Promise.all([profiles.promise, transactions.promise]);
  both.catch(() => {});
  const side = (work: (tx: Executor) => Promise<void>, done: ReturnType<typeof deferred>) =>
    sql
      .begin(async (tx) => {
        await tx.unsafe(SKIP_FOREIGN_KEY_CHECKS);
        try {
          await work(tx);
          done.resolve();
        } catch (error) {
          done.reject(error);
          throw error;
        }
        // Commit only when the other side has stored everything too.
        await both;
      })
      .catch((error: unknown) => {
        // A failure outside the work (BEGIN, a lost connection) must release the other side too.
        done.reject(error);
        throw error;
      });
  const settled = await Promise.allSettled([
    side((tx) => copyProfiles(tx, ctx, tracker), profiles),
    side((tx) => copyTransactions(tx, ctx, tracker), transactions),
  ]);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  return tracker.counts;
}

interface Copy {
  stream: Writable;
  /** Rejects with the server's error. */
  failed: Promise<never>;
}

/**
 * COPY FROM STDIN whose failure is seen: postgres.js 3.4.9 never settles the stream when the
 * server refuses the data after end() (porsager/postgres#1173, open), which would hang the
 * load and leave its transaction open, so the query's own reject is watched as well.
 */
async function openCopy(tx: Executor, statement: string): Promise<Copy> {
  const query = tx.unsafe(statement) as unknown as {
    reject: (error: unknown) => void;
    writable(): Promise<Writable>;
  };
  const original = query.reject;
  const failed = new Promise<never>((_, reject) => {
    query.reject = (error) => {
      reject(error);
      original(error);
    };
  });
  failed.catch(() => {});
  return { stream: await query.writable(), failed };
}

async function closeCopy(copy: Copy, last?: Buffer): Promise<void> {
  copy.stream.end(last);
  await Promise.race([finished(copy.stream), copy.failed]);
}

async function copyProfiles(tx: Executor, ctx: RunContext, tracker: Tracker): Promise<void> {
  const source = new CopySource(ctx);
  for (const step of profileSteps(ctx)) {
    for (const { table, rows, buffers } of step.tables) {
      const copy = await openCopy(tx, source.copyStatement(table, "stdin"));
      for (const buffer of buffers) copy.stream.write(buffer);
      await closeCopy(copy);
      tracker.stored(table, rows);
    }
    tracker.step("profiles", step.customersDone);
  }
  await tx.unsafe(CLAIM_KEYS);
}

/** One COPY for every transaction, fed slice by slice while the next ones are generated. */
async function copyTransactions(tx: Executor, ctx: RunContext, tracker: Tracker): Promise<void> {
  const source = new CopySource(ctx);
  const copy = await openCopy(tx, source.copyStatement("transactions", "stdin"));
  const stream = copy.stream;
  let pending = 0;
  for (let index = 0; index < ctx.customers; index++) {
    pending += source.transactionsOf(index);
    if (source.writer.length < TRANSACTION_SLICE_BYTES && index < ctx.customers - 1) continue;
    for (const buffer of source.writer.take()) stream.write(buffer);
    tracker.stored("transactions", pending);
    tracker.step("transactions", index + 1);
    pending = 0;
    // Let the socket drain between slices; wait only when PostgreSQL is far behind.
    if (stream.writableLength > HIGH_WATER_BYTES) await Promise.race([once(stream, "drain"), copy.failed]);
    else await tick();
    if (stream.errored) throw stream.errored;
  }
  await closeCopy(copy);
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}
