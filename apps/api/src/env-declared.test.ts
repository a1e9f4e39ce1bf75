import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema } from "./env";

/**
 * turbo hands a task only the variables it declares: a setting missing from turbo.json would
 * silently be dropped from `pnpm test` (the server under test would run on its default).
 */
describe("turbo.json", () => {
  it("declares every variable the server reads to the test task", () => {
    const turbo = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../turbo.json"), "utf8")) as {
      tasks: { test: { env: string[] } };
    };
    const missing = Object.keys(envSchema.shape).filter((name) => !turbo.tasks.test.env.includes(name));
    expect(missing).toEqual([]);
  });
});
