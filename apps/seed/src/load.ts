import type { DatabaseHandle } from "@account360/storage";
import { runContext, type SeedOptions } from "./context";
import { sampleCustomerIdsOf, sampleLegalEntityIdsOf } from "./dataset";
import { loadPglite } from "./load-pglite";
import { loadPostgres } from "./load-postgres";
import type { ProgressListener } from "./load-shared";
import { type Counts, SEED_TABLES } from "./records";

export { SeedConflictError, type SeedProgress } from "./load-shared";

export interface SeedDatabaseOptions extends SeedOptions {
  /** Empty every data table first (not users, api_tokens, login_failures). */
  reset?: boolean | undefined;
  onProgress?: ProgressListener | undefined;
}

export interface SeedResult {
  /** Rows inserted by this run, per table (SQL names), every seeded table listed. */
  counts: Counts;
  /** The run's first customers, which have data for every widget. */
  sampleCustomerIds: string[];
  /** The run's first two companies and first group (groups come with 25 customers). */
  sampleLegalEntityIds: { companies: string[]; groups: string[] };
  /** Seconds from the first write to the commit, ANALYZE excluded. */
  seconds: number;
  /** Seconds ANALYZE took after the commit. */
  analyzeSeconds: number;
}

/**
 * Generates the data set and loads it with COPY (see loadPostgres and loadPglite); a failed load
 * leaves none of its rows behind. Refuses a seed that is already loaded unless `reset`, which
 * empties every data table first.
 */
export async function seedDatabase(
  handle: DatabaseHandle,
  options: SeedDatabaseOptions,
): Promise<SeedResult> {
  const ctx = runContext(options);
  const started = performance.now();
  const counts =
    handle.kind === "postgres" && handle.postgres
      ? await loadPostgres(handle.postgres, ctx, options)
      : handle.pglite
        ? await loadPglite(handle.pglite, ctx, options)
        : failNoDriver();
  const seconds = (performance.now() - started) / 1000;
  const analyzeStarted = performance.now();
  await analyze(handle);
  return {
    counts,
    sampleCustomerIds: sampleCustomerIdsOf(ctx),
    sampleLegalEntityIds: sampleLegalEntityIdsOf(ctx),
    seconds,
    analyzeSeconds: (performance.now() - analyzeStarted) / 1000,
  };
}

function failNoDriver(): never {
  throw new Error("The database handle has neither a postgres.js client nor a PGlite instance.");
}

/** Fresh statistics, so the widget queries plan well straight after seeding. */
async function analyze(handle: DatabaseHandle): Promise<void> {
  const statement = `analyze ${SEED_TABLES.join(", ")}`;
  if (handle.postgres) await handle.postgres.unsafe(statement);
  else if (handle.pglite) await handle.pglite.exec(statement);
}
