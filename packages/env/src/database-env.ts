import { resolve } from "node:path";
import { z } from "zod";
import { optionalText, positiveInt } from "./settings";

/**
 * The PGlite directory when PGLITE_DIR is unset: `.data/pglite` under the repository root. Three
 * levels up from here, as from apps/bridge/dist, where `pnpm start` runs this from the bundle.
 */
export const DEFAULT_PGLITE_DIR = resolve(import.meta.dirname, "../../..", ".data/pglite");

/** An optional PostgreSQL URL, refused by `name` when it is something else. */
export const postgresUrl = (name: string, blank = "") =>
  optionalText.pipe(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error: `${name} must be a postgres:// or postgresql:// URL${blank}`,
      })
      .optional(),
  );

/**
 * What every process that opens the database reads (CONTRACT §1, §11), alike: the server, the
 * bridge, the operator commands, the seed, the bench and the test harness pick from this.
 */
export const databaseEnvSchema = z.object({
  /** `postgres://…` opens PostgreSQL; unset or empty opens PGlite. */
  DATABASE_URL: postgresUrl("DATABASE_URL", ", or empty for PGlite"),
  /** The PGlite directory, or `memory://`. */
  PGLITE_DIR: optionalText.transform((dir) => dir ?? DEFAULT_PGLITE_DIR),
  /** PostgreSQL connections per process. */
  DB_POOL_SIZE: positiveInt(20),
  /** A hot standby of DATABASE_URL for widgets and search; ignored on PGlite. */
  DATABASE_READ_URL: postgresUrl("DATABASE_READ_URL"),
  /** Past this replay lag widgets and search read from the primary. */
  MAX_REPLICA_LAG_MS: positiveInt(1000),
});
