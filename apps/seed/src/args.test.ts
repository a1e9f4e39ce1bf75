import { describe, expect, it } from "vitest";
import { DEFAULT_CUSTOMERS, DEFAULT_SEED, parseSeedArgs } from "./args";
import { UsageError } from "./command-line";

describe("parseSeedArgs", () => {
  it("reads every option and ignores a leading --", () => {
    expect(
      parseSeedArgs([
        "--",
        "--customers",
        "5000",
        "--seed",
        "42",
        "--anchor",
        "2026-01-31",
        "--transactions",
        "150",
        "--months",
        "12",
        "--json",
        "--reset",
      ]),
    ).toEqual({
      customers: 5000,
      seed: 42,
      anchor: "2026-01-31",
      transactionsPerCustomer: 150,
      months: 12,
      json: true,
      reset: true,
      help: false,
    });
  });

  it("has defaults, so a bare `pnpm seed` does something useful", () => {
    expect(parseSeedArgs([])).toMatchObject({
      customers: DEFAULT_CUSTOMERS,
      seed: DEFAULT_SEED,
      anchor: undefined,
      json: false,
      reset: false,
    });
  });

  it("refuses numbers that are not whole, and unknown options, as usage errors", () => {
    expect(() => parseSeedArgs(["--customers", "1e3"])).toThrow(UsageError);
    expect(() => parseSeedArgs(["--seed", "-1"])).toThrow(UsageError);
    expect(() => parseSeedArgs(["--custmers", "3"])).toThrow(UsageError);
    expect(() => parseSeedArgs(["extra"])).toThrow(UsageError);
  });
});
