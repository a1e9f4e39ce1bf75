import type { DatabaseHandle } from "@account360/storage";

/** Hand-written SQL with $n parameters on either driver: what the floors run. */
export interface SqlRunner {
  query(text: string, params: readonly unknown[]): Promise<unknown[]>;
}

/**
 * postgres.js as an application would use it straight: a named prepared statement per query
 * text (the driver's default for tagged templates). PGlite: its one in-process connection.
 */
export function sqlRunnerOf(handle: DatabaseHandle): SqlRunner {
  if (handle.postgres) {
    const sql = handle.postgres;
    return {
      query: async (text, params) => [...(await sql.unsafe(text, params as never[], { prepare: true }))],
    };
  }
  if (handle.pglite) {
    const pg = handle.pglite;
    return { query: async (text, params) => (await pg.query(text, params as unknown[])).rows };
  }
  throw new Error("The database handle has neither a postgres.js client nor a PGlite instance.");
}

/** Statements as one script (no parameters), on either driver: VACUUM, a setup file. */
export async function runScript(handle: DatabaseHandle, script: string): Promise<void> {
  if (handle.postgres) await handle.postgres.unsafe(script);
  else if (handle.pglite) await handle.pglite.exec(script);
  else throw new Error("The database handle has neither a postgres.js client nor a PGlite instance.");
}
