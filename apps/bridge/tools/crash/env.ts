import { databaseEnvSchema, parseEnv, positiveInt, postgresUrl } from "@account360/env";

/**
 * What the crash test reads: how long and how hard to load the server, and the PostgreSQL server
 * to create its scratch database on (CRASH_DATABASE_URL, else DATABASE_URL, else the local one).
 */
export const crashEnvSchema = databaseEnvSchema.pick({ DATABASE_URL: true }).extend({
  CRASH_LOAD_MS: positiveInt(5_000),
  CRASH_WORKERS: positiveInt(8),
  CRASH_DATABASE_URL: postgresUrl("CRASH_DATABASE_URL"),
});

export function loadCrashEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = parseEnv(crashEnvSchema, source);
  return {
    loadMs: env.CRASH_LOAD_MS,
    workers: env.CRASH_WORKERS,
    postgresUrl: env.CRASH_DATABASE_URL ?? env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  };
}
