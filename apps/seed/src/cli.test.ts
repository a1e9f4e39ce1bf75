import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandResult, runCommand } from "@account360/terminal/processes";
import { afterAll, describe, expect, it } from "vitest";
import { customerIdOf } from "./rng";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "a360-seed-cli-"));
const pgliteDir = join(scratch, "pglite");

/** The CLI as `pnpm seed` runs it (tsx src/main.ts), on a PGlite directory of its own. */
const seedCli = (args: string[]): Promise<CommandResult> =>
  runCommand(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: appDir,
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: pgliteDir },
  });

describe("pnpm seed", { timeout: 90_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("prints exactly one JSON document on stdout with --json, progress and the rate on stderr", async () => {
    const { code, stdout, stderr } = await seedCli([
      "--",
      "--customers",
      "6",
      "--seed",
      "3",
      "--anchor",
      "2026-01-15",
      "--transactions",
      "10",
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(document)).toEqual(["counts", "sampleCustomerIds", "sampleLegalEntityIds"]);
    expect(document.counts.customers).toBe(6);
    expect(document.counts.transactions).toBeGreaterThan(0);
    expect(document.sampleCustomerIds).toEqual([0, 1, 2, 3, 4].map((i) => customerIdOf(3, i)));
    expect(stderr).toMatch(/rows\/s/);
  });

  it("refuses the same seed again (exit 1) but adds another seed", async () => {
    const again = await seedCli(["--customers", "6", "--seed", "3", "--anchor", "2026-01-15", "--json"]);
    expect(again.code, again.stderr).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/already loaded/);
    const other = await seedCli(["--customers", "2", "--seed", "4", "--transactions", "5"]);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toBe("");
  });

  it("refuses a PGlite directory that a running process holds, saying it is in use", async () => {
    writeFileSync(`${pgliteDir}.lock`, String(process.pid));
    try {
      const { code, stderr } = await seedCli(["--customers", "1", "--seed", "5"]);
      expect(code, stderr).toBe(1);
      // One message: the refusal, then what to do next, with the command that was typed.
      expect(stderr).toMatch(
        /in use by process \d+.*\n.*Next, one of:\n.*stop the server.*`pnpm seed --customers 1 --seed 5` again/,
      );
      expect(stderr).toContain(`PGLITE_DIR=${pgliteDir}-seeded pnpm seed --customers 1 --seed 5`);
      expect(stderr).toContain("DATABASE_URL=postgres://");
    } finally {
      rmSync(`${pgliteDir}.lock`, { force: true });
    }
  });

  it("answers a wrong option with the usage (exit 2)", async () => {
    const { code, stderr } = await seedCli(["--customers", "many"]);
    expect(code, stderr).toBe(2);
    expect(stderr).toMatch(/Usage: pnpm seed/);
  });
});
