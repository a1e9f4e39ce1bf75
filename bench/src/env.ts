/** The one variable the bench reads, like the apps read theirs: PostgreSQL when set, PGlite when unset or empty. */
export function benchDatabaseUrl(source: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = source.DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(?:ql)?:\/\//i.test(url)) {
    throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL, or empty for PGlite.");
  }
  return url;
}
