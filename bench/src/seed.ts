import { once } from "node:events";
import { closeSync, createReadStream, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import { SEED_TABLES, type SeedProgress, type SeedResult, seedDatabase } from "@account360/seed";
import type { DatabaseHandle } from "@account360/storage";
import type { BenchTarget } from "./target";

export interface LoadRate {
  rows: number;
  seconds: number;
  perSecond: number;
}

export interface SeedFigures {
  seeder: LoadRate & { counts: Record<string, number>; analyzeSeconds: number };
  copy: LoadRate | null;
}

type PostgresClient = NonNullable<DatabaseHandle["postgres"]>;

/**
 * COPY TO STDOUT into a file. Written synchronously from a 'data' listener rather than piped:
 * when a COPY TO stream pauses the socket on backpressure as the copy ends, postgres.js 3.4
 * leaves that connection paused and the next query on it hangs (porsager/postgres#499).
 */
async function copyOut(sql: PostgresClient, table: string, file: string): Promise<void> {
  const stream = await sql.unsafe(`copy ${table} to stdout`).readable();
  const fd = openSync(file, "w");
  try {
    stream.on("data", (chunk: Buffer) => writeSync(fd, chunk));
    await once(stream, "end");
  } finally {
    closeSync(fd);
  }
}

const rateOf = (rows: number, seconds: number): LoadRate => ({ rows, seconds, perSecond: rows / seconds });

/** Loads the read data set with the seeder (generation included, as `pnpm seed` runs). */
export async function runSeeder(
  handle: DatabaseHandle,
  options: {
    customers: number;
    seed: number;
    anchor: string;
    transactionsPerCustomer: number;
    onProgress?: ((progress: SeedProgress) => void) | undefined;
  },
): Promise<{ result: SeedResult; figures: SeedFigures["seeder"] }> {
  const result = await seedDatabase(handle, options);
  const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
  return {
    result,
    figures: {
      ...rateOf(rows, result.seconds),
      counts: result.counts,
      analyzeSeconds: result.analyzeSeconds,
    },
  };
}

/**
 * The seed's floor: the very rows the seeder stored, taken out with COPY TO, loaded with plain
 * COPY FROM into an empty migrated database (same indexes and foreign keys) in one transaction,
 * the way the seeder loads. Timed from BEGIN to COMMIT; no generation, no formatting.
 */
export async function copyFloor(source: DatabaseHandle, target: BenchTarget): Promise<LoadRate> {
  const tables = SEED_TABLES;
  const scratch = await target.openScratch();
  try {
    if (source.postgres && scratch.postgres) {
      const from = source.postgres;
      const files = new Map<string, string>();
      let rows = 0;
      for (const table of tables) {
        const file = join(target.workDir, `${table}.copy`);
        await copyOut(from, table, file);
        files.set(table, file);
        rows += Number((await from.unsafe(`select count(*)::text as n from ${table}`))[0]!.n);
      }
      const started = performance.now();
      await scratch.postgres.begin(async (tx) => {
        for (const table of tables) {
          await pipeline(
            createReadStream(files.get(table)!),
            await tx.unsafe(`copy ${table} from stdin`).writable(),
          );
        }
      });
      return rateOf(rows, (performance.now() - started) / 1000);
    }
    if (source.pglite && scratch.pglite) {
      const blobs = new Map<string, Blob>();
      let rows = 0;
      for (const table of tables) {
        const out = await source.pglite.query(`copy ${table} to '/dev/blob'`);
        blobs.set(table, out.blob ?? new Blob([]));
        rows += Number(
          (await source.pglite.query<{ n: string }>(`select count(*)::text as n from ${table}`)).rows[0]!.n,
        );
      }
      const started = performance.now();
      await scratch.pglite.transaction(async (tx) => {
        for (const table of tables)
          await tx.query(`copy ${table} from '/dev/blob'`, [], { blob: blobs.get(table)! });
      });
      return rateOf(rows, (performance.now() - started) / 1000);
    }
    throw new Error("The bench and scratch databases are not of one kind.");
  } finally {
    await scratch.close();
  }
}
