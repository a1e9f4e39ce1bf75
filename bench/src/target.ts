import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, openDatabase } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import type { DatabaseProbe } from "./cpu";

/**
 * Where one run keeps its data: on PostgreSQL a fresh database created beside DATABASE_URL's
 * and dropped at the end (storage's openTestDatabase does exactly that); on PGlite a temporary
 * directory. Nothing the run writes touches the database or directory a developer works with.
 */
export interface BenchTarget {
  kind: "postgres" | "pglite";
  /** The bench database's URL (PostgreSQL), else undefined. */
  url: string | undefined;
  /** The PGlite directory, else undefined. */
  pgliteDir: string | undefined;
  /** A scratch directory for this run's files (server log, COPY files). */
  workDir: string;
  /** Opens the bench database in this process (on PGlite only while no server holds it). */
  open(maxConnections?: number): Promise<DatabaseHandle>;
  /** A second, empty, migrated database of the same kind, removed when closed: where the COPY floor loads. */
  openScratch(): Promise<DatabaseHandle>;
  /** CHECKPOINT on PostgreSQL, so one phase's dirty pages are not written during the next; nothing on PGlite. */
  checkpoint(): Promise<void>;
  /** The backends of the bench database (PostgreSQL); null on PGlite, which runs in-process. */
  probe: DatabaseProbe | null;
  remove(): Promise<void>;
}

export async function createTarget(databaseUrl: string | undefined): Promise<BenchTarget> {
  const workDir = mkdtempSync(join(tmpdir(), "a360-bench-"));
  if (!databaseUrl) {
    const pgliteDir = join(workDir, "pglite");
    return {
      kind: "pglite",
      url: undefined,
      pgliteDir,
      workDir,
      open: () => openDatabase({ pgliteDir }),
      openScratch: async () => {
        // On disk like the bench database, so the COPY floor pays the same file system costs.
        const dir = join(workDir, `scratch-${randomBytes(4).toString("hex")}`);
        const handle = await openDatabase({ pgliteDir: dir });
        return {
          ...handle,
          close: async () => {
            await handle.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
      checkpoint: async () => {},
      probe: null,
      remove: async () => rmSync(workDir, { recursive: true, force: true }),
    };
  }

  const bench = await openTestDatabase();
  const url = bench.url!;
  const admin = bench.postgres!;
  return {
    kind: "postgres",
    url,
    pgliteDir: undefined,
    workDir,
    open: (maxConnections = 10) => openDatabase({ url, maxConnections }),
    openScratch: () => openTestDatabase(),
    checkpoint: async () => {
      await admin.unsafe("checkpoint").catch(() => {
        // CHECKPOINT needs superuser or pg_checkpoint; without it the figures are only noisier.
      });
    },
    probe: {
      backends: async () =>
        (await admin.unsafe("select pid from pg_stat_activity where datname = current_database()")).map((r) =>
          Number(r.pid),
        ),
    },
    remove: async () => {
      // The files first: an interrupted run may not live to see the database dropped.
      rmSync(workDir, { recursive: true, force: true });
      await bench.close();
    },
  };
}
