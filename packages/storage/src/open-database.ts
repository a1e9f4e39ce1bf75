import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database, DatabaseKind } from "./database";
import { migrationsFolder } from "./migrations-folder";
import { lockPgliteDirectory } from "./pglite-lock";
import { makePgliteDirectoryPrivate, PrivateNodeFS } from "./pglite-permissions";
import * as schema from "./schema";
import { type Db, pgliteDb, postgresDb } from "./sql/db";
import { type ReplicaProbe, startReplicaProbe } from "./sql/replica-lag";
import { type ReadObserver, routedReadDb } from "./sql/routed-reads";

/** Any constant shared by every process: serialises migrations run by servers starting together. */
const MIGRATION_LOCK_KEY = 360_360_360;

export interface DatabaseHandle {
  /** drizzle over the driver: migrations, tools, tests. */
  db: Database;
  /** The prepared-statement client the request path runs on. */
  sql: Db;
  /**
   * For the read ports that may lag (widgets, search): the standby of DATABASE_READ_URL while it
   * is usable, else `sql` itself. Nothing that must see its own write reads through it.
   */
  readSql: Db;
  /** The standby's probe; null without a standby. */
  replica: ReplicaProbe | null;
  kind: DatabaseKind;
  /** The raw postgres.js client, for bulk loading and benchmarks; null on PGlite. */
  postgres: postgres.Sql | null;
  /** The raw PGlite instance; null on PostgreSQL. */
  pglite: PGlite | null;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` opens PostgreSQL; empty or undefined opens PGlite. */
  url?: string | undefined;
  /** A directory for PGlite, or `memory://`. */
  pgliteDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number | undefined;
  /** Told what the opener had to repair (PGlite files left open to other users). */
  warn?: ((message: string) => void) | undefined;
  /** A hot standby of the PostgreSQL at `url`, for widgets and search (CONTRACT §11). */
  readUrl?: string | undefined;
  /** Past this replay lag the standby is not read from (default 1000). */
  maxReplicaLagMs?: number | undefined;
  /** Counts the routed reads per target and the fallbacks. */
  readObserver?: ReadObserver | undefined;
  /** The migrations to apply; the package's own by default (a test applies a prefix of them). */
  migrationsFolder?: string | undefined;
}

const ignoreReads: ReadObserver = { read: () => {}, fallback: () => {} };

/** Opens the database the options name and applies every pending migration before answering. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 20, options);
  if (options.readUrl) options.warn?.("DATABASE_READ_URL is ignored: it needs DATABASE_URL (PostgreSQL).");
  return openPglite(options.pgliteDir, options.warn, options.migrationsFolder);
}

async function openPostgres(url: string, max: number, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  await migratePostgresOnce(url, options.migrationsFolder ?? migrationsFolder);
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Database;
  const primary = postgresDb(client);
  const reads = options.readUrl ? openStandby(client, primary, options.readUrl, max, options) : null;
  return {
    db,
    sql: primary,
    readSql: reads?.db ?? primary,
    replica: reads?.probe ?? null,
    kind: "postgres",
    postgres: client,
    pglite: null,
    // The primary only: a standby that is down costs freshness, not readiness.
    ping: async () => {
      await client.unsafe("select 1", [], { prepare: true });
    },
    close: async () => {
      await reads?.close();
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * A standby statement slower than this is given up and answered by the primary: a standby that
 * accepts connections but stalls must not hold widgets for long.
 */
const STANDBY_STATEMENT_TIMEOUT_MS = 5_000;

/** Connects lazily, so a standby that is down at start delays nothing; the probe finds it later. */
function openStandby(
  primaryClient: postgres.Sql,
  primary: Db,
  url: string,
  max: number,
  options: OpenDatabaseOptions,
) {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 2,
    connection: { statement_timeout: STANDBY_STATEMENT_TIMEOUT_MS },
  });
  const maxLagMs = options.maxReplicaLagMs ?? 1000;
  const probe = startReplicaProbe(primaryClient, client, {
    maxLagMs,
    intervalMs: Math.min(1000, Math.max(50, Math.floor(maxLagMs / 4))),
  });
  void probe.probeNow();
  return {
    probe,
    db: routedReadDb(primary, postgresDb(client, false, false), probe, options.readObserver ?? ignoreReads),
    close: async () => {
      probe.stop();
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Migrates over one dedicated connection that holds an advisory lock, so servers starting
 * together against one database apply each migration once.
 */
async function migratePostgresOnce(url: string, folder: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function openPglite(
  dir = "memory://",
  warn?: (message: string) => void,
  folder = migrationsFolder,
): Promise<DatabaseHandle> {
  const inMemory = dir === "memory://" || dir === "";
  const release = inMemory ? () => {} : lockPgliteDirectory(dir);
  let client: PGlite | undefined;
  try {
    if (!inMemory) {
      const fixed = makePgliteDirectoryPrivate(dir);
      if (fixed > 0) {
        warn?.(
          `PGLITE_DIR ${dir} had ${fixed} ${fixed === 1 ? "file or directory" : "files or directories"} open to other users; made them private (0700/0600).`,
        );
      }
    }
    client = inMemory ? new PGlite() : new PGlite({ fs: new PrivateNodeFS(dir) });
    await client.waitReady;
    await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
  } catch (error) {
    await client?.close().catch(() => {});
    release();
    throw error;
  }
  const pglite = client;
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    sql: pgliteDb(pglite),
    readSql: pgliteDb(pglite),
    replica: null,
    kind: "pglite",
    postgres: null,
    pglite,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}
