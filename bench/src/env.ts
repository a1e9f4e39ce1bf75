import { databaseEnvSchema, parseEnv } from "@account360/env";

/**
 * The one variable the bench reads, as the apps read it: PostgreSQL when set, PGlite (in
 * temporary directories of its own) when unset or empty.
 */
export const benchEnvSchema = databaseEnvSchema.pick({ DATABASE_URL: true });

export function benchDatabaseUrl(source: NodeJS.ProcessEnv = process.env): string | undefined {
  return parseEnv(benchEnvSchema, source).DATABASE_URL;
}
