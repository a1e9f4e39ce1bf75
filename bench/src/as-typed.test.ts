import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asShown, hasPseudoTerminal, isPlainText, runTyped } from "@account360/terminal/testing";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `pnpm bench` typed at the repository root, kept small: only the write part for a second each
 * side (the full run takes many minutes), its results into a scratch file, never bench/results.
 * PostgreSQL when DATABASE_URL is set (the bench makes a database of its own beside it).
 */

const scratch = mkdtempSync(join(tmpdir(), "a360-bench-typed-"));
const pseudoTerminal = await hasPseudoTerminal();
const WRITES_ONLY = "pnpm bench --only write --write-seconds 1";
const WRITES = "writes over HTTP: 1 s at 32 concurrent";
const FLOOR = "write floor: 1 s at 32 concurrent";
/** A whole run, bundle build and two PGlite start-ups included, on a CI machine running every package's tests at once. */
const RUN_LIMIT_MS = 300_000;

describe("pnpm bench, typed at the repository root", { timeout: RUN_LIMIT_MS + 30_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("`pnpm bench --help` prints the usage and exits 0", async () => {
    const { code, stdout } = await runTyped("pnpm bench --help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: pnpm bench \[--quick\]/m);
  });

  it("in a log: a plain line for each step and each tenth of a timed load, the figures on stdout", async () => {
    const out = join(scratch, "piped.json");
    const { code, stdout, stderr } = await runTyped(`${WRITES_ONLY} --out ${out}`, {
      timeoutMs: RUN_LIMIT_MS,
    });
    expect(code, stderr).toBe(0);
    expect(isPlainText(stderr)).toBe(true);
    const lines = stderr.split("\n").filter((line) => line.startsWith("bench: "));
    const steps = lines.filter((line) => line.endsWith("…"));
    expect(steps).toEqual([
      "bench: building the server bundle…",
      "bench: starting the server…",
      `bench: ${WRITES}…`,
      "bench: stopping the server…",
      `bench: ${FLOOR}…`,
    ]);
    // Both timed loads report their tenths, the in-process floor too (its loop starves timers).
    for (const load of [WRITES, FLOOR]) {
      expect(lines.filter((line) => line.startsWith(`bench: ${load}: `)).length).toBeGreaterThanOrEqual(5);
    }
    expect(stdout).toContain(`written to ${out}`);
    expect(JSON.parse(readFileSync(out, "utf8")).write.server.ok).toBeGreaterThan(0);
  });

  it.runIf(pseudoTerminal)("on a terminal: one line redrawn in place, gone before the figures", async () => {
    const out = join(scratch, "terminal.json");
    const { code, stdout } = await runTyped(`${WRITES_ONLY} --out ${out}`, {
      tty: true,
      timeoutMs: RUN_LIMIT_MS,
    });
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(new RegExp(`\\rbench: ${WRITES} \\[[#.]{24}\\] +\\d+% `));
    expect(stdout).toMatch(new RegExp(`\\rbench: ${FLOOR} \\[[#.]{24}\\] +\\d+% `));
    expect(stdout).toMatch(/\rbench: starting the server [|/\\-] /);
    const shown = asShown(stdout);
    expect(
      shown.filter(
        (line) =>
          line.startsWith("bench: ") &&
          !line.startsWith("bench: PGlite in") &&
          !line.startsWith("bench: PostgreSQL database"),
      ),
    ).toEqual([]);
    expect(shown).toContain(`written to ${out}`);
  });
});
