import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { inUseAdvice } from "./in-use-advice";

describe("the advice when the PGlite directory is in use", () => {
  const advice = inUseAdvice("/srv/a360/.data/pglite", ["--", "--customers", "50", "--seed", "3", "--json"]);

  it("offers each way out with the person's own command line, the leading -- dropped", () => {
    expect(advice).toContain(
      "stop the server (Ctrl-C where `pnpm start` runs), run `pnpm seed --customers 50 --seed 3 --json` again",
    );
    expect(advice).toContain(
      "`PGLITE_DIR=/srv/a360/.data/pglite-seeded pnpm seed --customers 50 --seed 3 --json`, then `PGLITE_DIR=/srv/a360/.data/pglite-seeded pnpm start`",
    );
    expect(advice).toContain(
      "`DATABASE_URL=postgres://USER@HOST:5432/DB pnpm seed --customers 50 --seed 3 --json`",
    );
  });

  it("names the other directory by its absolute path, which `pnpm start` reads the same from apps/bridge", () => {
    expect(inUseAdvice("data/pglite", [])).toContain(
      `PGLITE_DIR=${resolve("data/pglite")}-seeded pnpm seed\``,
    );
  });

  it("quotes what a shell would split or expand, so each command runs as shown", () => {
    const quoted = inUseAdvice("/home/ana/my data/pglite", ["--anchor", "2026-01-31", "--seed", "it's"]);
    expect(quoted).toContain(
      "PGLITE_DIR='/home/ana/my data/pglite-seeded' pnpm seed --anchor 2026-01-31 --seed 'it'\\''s'",
    );
  });
});
