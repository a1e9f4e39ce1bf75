import { afterAll, beforeAll } from "vitest";
import { openTestDatabase } from "./testing";

/**
 * What a test file opens once, before its first test, and closes after its last (one database
 * per file, testing.ts). The object is handed out at once and filled in when it opens, so tests
 * and the helpers they call read its fields as they run, never when the file is imported.
 */
export function openedForFile<W extends object>(
  open: () => Promise<W>,
  close: (world: W) => Promise<void>,
): W {
  const world = {} as W;
  let opened = false;
  beforeAll(async () => {
    Object.assign(world, await open());
    opened = true;
  });
  // Nothing to close when the open failed: its error is the one to read.
  afterAll(async () => {
    if (opened) await close(world);
  });
  return world;
}

/** The test file's migrated database: PGlite in memory, or a fresh PostgreSQL database. */
export const testDatabaseOfFile = () =>
  openedForFile(
    () => openTestDatabase(),
    (handle) => handle.close(),
  );
