import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asShown, hasPseudoTerminal, isPlainText, runTyped } from "@account360/terminal/testing";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(join(tmpdir(), "a360-seed-typed-"));
// PGlite in a directory of this file's own: the shared test database is never seeded.
const env = { DATABASE_URL: undefined, PGLITE_DIR: join(scratch, "pglite") };
const pseudoTerminal = await hasPseudoTerminal();

describe("pnpm seed, typed at the repository root", { timeout: 120_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("`pnpm seed --customers 50 --seed 3 --json` prints one JSON document on stdout and nothing else", async () => {
    const { code, stdout, stderr } = await runTyped("pnpm seed --customers 50 --seed 3 --json", { env });
    expect(code, stderr).toBe(0);
    // The whole of stdout parses, so `… --json | jq` works: no pnpm banner before it, nothing after.
    const document = JSON.parse(stdout);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(document.counts.customers).toBe(50);
    expect(document.sampleCustomerIds).toHaveLength(5);
    // Progress went to stderr as plain lines, as a pipe or a CI log wants them.
    expect(isPlainText(stderr)).toBe(true);
    expect(stderr).toMatch(/^seed: 100% transactions 50\/50 customers, [\d,]+ rows$/m);
    expect(stderr).toMatch(/^seed: [\d,]+ rows \([\d,]+ transactions\) in [\d.]+ s/m);
  });

  it("`pnpm -s seed …` works as before", async () => {
    const { code, stdout, stderr } = await runTyped("pnpm -s seed --customers 2 --seed 4 --json", { env });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).counts.customers).toBe(2);
  });

  it.runIf(pseudoTerminal)(
    "on a terminal the bar is redrawn in place, and stdout sent on stays one JSON document",
    async () => {
      const out = join(scratch, "seed.json");
      const { code, stdout } = await runTyped(`pnpm seed --customers 20 --seed 5 --json > ${out}`, {
        env,
        tty: true,
      });
      expect(code, stdout).toBe(0);
      expect(JSON.parse(readFileSync(out, "utf8")).counts.customers).toBe(20);
      expect(stdout).toMatch(/\rseed: \[[#.]{24}\] +\d+% /);
      const shown = asShown(stdout).filter(Boolean);
      expect(shown.at(-1)).toMatch(/^seed: [\d,]+ rows \([\d,]+ transactions\) in [\d.]+ s/);
    },
  );
});
