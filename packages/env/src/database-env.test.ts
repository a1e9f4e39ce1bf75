import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { databaseEnvSchema } from "./database-env";
import { parseEnv } from "./settings";

const parse = (source: Record<string, string | undefined>) => parseEnv(databaseEnvSchema, source);

describe("the database environment", () => {
  it("opens PGlite in the repository's .data/pglite when nothing is set", () => {
    expect(parse({})).toEqual({
      DATABASE_URL: undefined,
      PGLITE_DIR: resolve(import.meta.dirname, "../../../.data/pglite"),
      DB_POOL_SIZE: 20,
      DATABASE_READ_URL: undefined,
      MAX_REPLICA_LAG_MS: 1000,
    });
  });

  it("reads blank variables as unset and trims the others", () => {
    const env = parse({ DATABASE_URL: "  ", PGLITE_DIR: " memory:// ", DATABASE_READ_URL: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe("memory://");
    expect(env.DATABASE_READ_URL).toBeUndefined();
    expect(parse({ DATABASE_URL: " postgresql://a360@db/prod " }).DATABASE_URL).toBe(
      "postgresql://a360@db/prod",
    );
  });

  it("refuses what is not a PostgreSQL URL or a positive whole number, naming every variable at once", () => {
    expect(() =>
      parse({ DATABASE_URL: "mysql://db/prod", DB_POOL_SIZE: "0", MAX_REPLICA_LAG_MS: "1.5" }),
    ).toThrow(
      /^Invalid environment: DATABASE_URL: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, or empty for PGlite; DB_POOL_SIZE: .+; MAX_REPLICA_LAG_MS: .+$/,
    );
    expect(() => parse({ DATABASE_READ_URL: "standby:5432" })).toThrow(
      /DATABASE_READ_URL must be a postgres:\/\//,
    );
  });
});
