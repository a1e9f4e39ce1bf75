import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { envSchema } from "@account360/api";
import { bridgeEnvSchema } from "@account360/bridge";
import { crashEnvSchema } from "@account360/bridge/crash-env";
import { variablesOf } from "@account360/env";
import { seedEnvSchema } from "@account360/seed";
import { testDatabaseEnvSchema } from "@account360/storage/testing";
import { REPO_ROOT } from "@account360/terminal/testing";
import { describe, expect, it } from "vitest";
import { benchEnvSchema } from "./env";

/**
 * turbo hands a task only the variables it declares: a setting missing from turbo.json would
 * silently be dropped from `pnpm test` (the server under test would run on its default). The
 * bench depends on every app, so this one test sees each app's schema.
 */
const turbo = JSON.parse(readFileSync(join(REPO_ROOT, "turbo.json"), "utf8")) as {
  tasks: { test: { env: string[] } };
};
const undeclared = (names: string[]) => names.filter((name) => !turbo.tasks.test.env.includes(name));

/** The TypeScript files of the repository, outside node_modules and build output. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "dist") return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("turbo.json declares to the test task", () => {
  it.each([
    ["the API server", envSchema],
    ["the bridge (pnpm start)", bridgeEnvSchema],
    ["the seed", seedEnvSchema],
    ["the bench", benchEnvSchema],
    ["the test database harness", testDatabaseEnvSchema],
    ["the crash test (.ci/crash-test)", crashEnvSchema],
  ])("every variable %s reads", (_app, schema) => {
    expect(undeclared(variablesOf(schema))).toEqual([]);
  });

  it("every variable a test or tool reads straight from process.env", () => {
    const read = new Set<string>();
    for (const file of sourceFiles(REPO_ROOT)) {
      for (const [, name] of readFileSync(file, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) {
        read.add(name as string);
      }
    }
    expect(read.size).toBeGreaterThan(0);
    expect(undeclared([...read].sort())).toEqual([]);
  });
});
