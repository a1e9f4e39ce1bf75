import { seedDatabase } from "@account360/seed";
import type { DatabaseHandle } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll } from "vitest";
import { type SqlRunner, sqlRunnerOf } from "./sql-runner";

/**
 * A bench test file's database, migrated and loaded by the seeder before its first test and
 * closed after its last. The object is filled in when it is ready: tests read `handle` and `db`
 * as they run, never when the file is imported.
 */
export function seededDatabaseOfFile(options: Parameters<typeof seedDatabase>[1]) {
  const world = {} as { handle: DatabaseHandle; db: SqlRunner };
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await seedDatabase(handle, options);
    Object.assign(world, { handle, db: sqlRunnerOf(handle) });
  });
  afterAll(async () => {
    await handle?.close();
  });
  return world;
}
