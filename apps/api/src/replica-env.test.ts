import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("DATABASE_READ_URL and MAX_REPLICA_LAG_MS", () => {
  it("default to no standby and a 1000 ms limit", () => {
    const env = loadEnv({});
    expect(env.DATABASE_READ_URL).toBeUndefined();
    expect(env.MAX_REPLICA_LAG_MS).toBe(1000);
  });

  it("take a postgres:// URL and a positive whole limit, and refuse anything else by name", () => {
    const env = loadEnv({
      DATABASE_READ_URL: " postgres://reader@standby:5432/account360 ",
      MAX_REPLICA_LAG_MS: "250",
    });
    expect(env.DATABASE_READ_URL).toBe("postgres://reader@standby:5432/account360");
    expect(env.MAX_REPLICA_LAG_MS).toBe(250);
    expect(() => loadEnv({ DATABASE_READ_URL: "standby:5432" })).toThrow(/DATABASE_READ_URL/);
    expect(() => loadEnv({ DATABASE_READ_URL: "mysql://standby/db" })).toThrow(/DATABASE_READ_URL/);
    expect(() => loadEnv({ MAX_REPLICA_LAG_MS: "0" })).toThrow(/MAX_REPLICA_LAG_MS/);
  });
});
