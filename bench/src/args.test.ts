import { UsageError } from "@account360/seed";
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./args";

describe("parseBenchArgs", () => {
  it("defaults to the full figures of the brief", () => {
    const plan = parseBenchArgs([]);
    expect(plan).toMatchObject({
      quick: false,
      writeSeconds: 20,
      writeConcurrency: 32,
      reads: 2000,
      readConcurrency: 8,
      customers: null,
      transactionsPerCustomer: 200,
    });
    expect([...plan.parts]).toEqual(["seed", "write", "read", "sweep", "events"]);
    expect(plan.sweep).toEqual({
      sizes: [200, 2000, 20000],
      reads: 500,
      warmupReads: 50,
      readConcurrency: 1,
      writeSeconds: 10,
    });
    expect(plan.setupSql).toBeNull();
  });

  it("makes --quick a short smoke run, and ignores pnpm's leading --", () => {
    expect(parseBenchArgs(["--", "--quick"])).toMatchObject({
      quick: true,
      writeSeconds: 3,
      reads: 200,
      customers: 500,
    });
    expect(parseBenchArgs(["--quick"]).sweep).toMatchObject({
      sizes: [200, 2000, 20000],
      reads: 100,
      writeSeconds: 2,
    });
  });

  it("takes the sweep's sizes in any order, once each, and its own reads and seconds", () => {
    const plan = parseBenchArgs([
      "--only",
      "sweep",
      "--sweep-sizes",
      "20_000, 200,2000,200",
      "--sweep-reads",
      "30",
      "--sweep-seconds",
      "1",
      "--setup-sql",
      "indexes.sql",
    ]);
    expect([...plan.parts]).toEqual(["sweep"]);
    expect(plan.sweep).toMatchObject({ sizes: [200, 2000, 20000], reads: 30, writeSeconds: 1 });
    expect(plan.setupSql).toBe("indexes.sql");
  });

  it("takes overrides and a subset of parts", () => {
    const plan = parseBenchArgs(["--quick", "--customers", "50", "--reads", "10", "--only", "read, write"]);
    expect(plan).toMatchObject({ customers: 50, reads: 10 });
    expect([...plan.parts].sort()).toEqual(["read", "write"]);
  });

  it("refuses what it does not know", () => {
    expect(() => parseBenchArgs(["--fast"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--reads", "0"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--reads", "ten"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--only", "memory"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sweep-sizes", "200,lots"])).toThrow(/--sweep-sizes/);
    expect(() => parseBenchArgs(["--sweep-sizes", "0"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sweep-sizes", "100000"])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sweep-sizes", ""])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--sweep-reads", "-1"])).toThrow(UsageError);
  });
});
