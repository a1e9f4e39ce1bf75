import { randomBytes } from "node:crypto";
import { databaseEnvSchema, parseEnv } from "@account360/env";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Database, rowsOf } from "./database";
import { type DatabaseHandle, openDatabase } from "./open-database";

/** The test harness reads DATABASE_URL as the apps do (a postgres:// URL, or blank for PGlite). */
export const testDatabaseEnvSchema = databaseEnvSchema.pick({ DATABASE_URL: true });

/**
 * A migrated database for one test file: PGlite in memory by default; with DATABASE_URL (or
 * `baseUrl`, a PostgreSQL server's URL), a fresh PostgreSQL database created for the file and
 * dropped when it closes, so files run in parallel and leave nothing behind.
 */
export async function openTestDatabase(
  baseUrl = parseEnv(testDatabaseEnvSchema, process.env).DATABASE_URL,
): Promise<DatabaseHandle & { url: string | null }> {
  if (!baseUrl) return { ...(await openDatabase({ pgliteDir: "memory://" })), url: null };

  const name = `a360_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
  const handle = await openDatabase({ url: url.toString(), maxConnections: 10 }).catch(async (error) => {
    await dropDatabase();
    throw error;
  });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}

/**
 * Waits until the change-event feed shows every event committed so far. The feed reads below the
 * oldest transaction still writing anywhere on the PostgreSQL cluster (transaction ids are
 * cluster-wide), and other test files write beside this one, so a read right after a write may
 * not show it yet. A test reads the feed after this, as a poller would find it a moment later.
 */
export async function feedCaughtUp(db: Database, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = rowsOf<{ caught_up: boolean }>(
      await db.execute(sql`select coalesce(max(feed_txid), 0) < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        as caught_up from change_events`),
    );
    if (row?.caught_up) return;
    if (Date.now() > deadline)
      throw new Error(`the change-event feed did not catch up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
