import { databaseEnvSchema, parseEnv } from "@account360/env";

/** The seed reads the database variables as the server does, and nothing else. */
export const seedEnvSchema = databaseEnvSchema.pick({ DATABASE_URL: true, PGLITE_DIR: true });

export type SeedEnv = ReturnType<typeof seedEnvSchema.parse>;

export function loadSeedEnv(source: NodeJS.ProcessEnv = process.env): SeedEnv {
  return parseEnv(seedEnvSchema, source);
}

/** A database URL fit for a log line: the password hidden. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}
