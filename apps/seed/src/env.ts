import { resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../../..");

/** The environment the seed reads, exactly as the server reads it: nothing else reads process.env. */
export interface SeedEnv {
  /** `postgres://…` opens PostgreSQL; undefined opens PGlite. */
  DATABASE_URL: string | undefined;
  /** The PGlite directory (default `<repo>/.data/pglite`), or `memory://`. */
  PGLITE_DIR: string;
}

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Validates the two variables like apps/api's env.ts does with zod. zod is not a dependency of
 * apps/seed (only of core and api), so the two rules are spelled out here.
 */
export function loadSeedEnv(source: NodeJS.ProcessEnv = process.env): SeedEnv {
  const url = blankToUndefined(source.DATABASE_URL);
  if (url !== undefined && !/^postgres(?:ql)?:\/\//i.test(url)) {
    throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL, or empty for PGlite.");
  }
  return {
    DATABASE_URL: url,
    PGLITE_DIR: blankToUndefined(source.PGLITE_DIR) ?? resolve(repoRoot, ".data/pglite"),
  };
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
