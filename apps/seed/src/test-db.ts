import type { DatabaseHandle } from "@account360/storage";

/** Raw SQL on either driver, for tests that look at what a load stored (apps/seed has no drizzle of its own). */
export async function queryRows<T = Record<string, unknown>>(
  handle: DatabaseHandle,
  text: string,
): Promise<T[]> {
  if (handle.postgres) return (await handle.postgres.unsafe(text)) as unknown as T[];
  if (handle.pglite) return (await handle.pglite.query<T>(text)).rows;
  throw new Error("no driver");
}

export async function countRows(handle: DatabaseHandle, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(handle, `select count(*)::int as n from ${table}`);
  return Number(row?.n ?? 0);
}
