import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "./open-database";

/**
 * A migrated database for one test file: PGlite in memory by default; with DATABASE_URL, a
 * fresh PostgreSQL database created for the file and dropped when it closes, so files run in
 * parallel and leave nothing behind.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url: string | null }> {
  const baseUrl = process.env.DATABASE_URL;
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
