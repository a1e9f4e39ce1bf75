import { describe, expect, it } from "vitest";
import { parseBenchArgs, UsageError } from "./args";

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
    expect([...plan.parts]).toEqual(["seed", "write", "read"]);
  });

  it("makes --quick a short smoke run, and ignores pnpm's leading --", () => {
    expect(parseBenchArgs(["--", "--quick"])).toMatchObject({
      quick: true,
      writeSeconds: 3,
      reads: 200,
      customers: 500,
    });
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
  });
});
