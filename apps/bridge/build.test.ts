import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, EXTERNAL_PACKAGES } from "./build";
import { startServerProcess } from "./src/test/server-process";
import { REPO_ROOT } from "./tools/server-command";

describe("the server bundle", () => {
  // Not dist/, which a running `pnpm start` may be using, but under this package's node_modules,
  // so the bundle resolves PGlite from there exactly as dist/main.js does.
  const cache = join(import.meta.dirname, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "bundle-test-"));
  let metafile: Metafile;
  beforeAll(async () => {
    metafile = await buildServer(outdir);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("inlines the workspace's TypeScript and every package but PGlite, and no TypeScript loader", () => {
    const external = Object.values(metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((imported) => imported.external && !isBuiltin(imported.path))
      .map((imported) => imported.path);
    // A package left external is imported by its name or a subpath of it (`@electric-sql/pglite/nodefs`).
    const packageOf = (path: string) =>
      path
        .split("/")
        .slice(0, path.startsWith("@") ? 2 : 1)
        .join("/");
    expect([...new Set(external.map(packageOf))]).toEqual(EXTERNAL_PACKAGES);
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toEqual(
      expect.arrayContaining([
        "src/main.ts",
        "../api/src/boot.ts",
        "../../packages/storage/src/open-database.ts",
        "../../packages/core/src/index.ts",
      ]),
    );
    expect(inputs.filter((input) => /\/(tsx|esbuild)@/.test(input))).toEqual([]);
  });

  it("carries the migrations and a source map that leads to the source files", () => {
    expect(existsSync(join(outdir, "migrations", "meta", "_journal.json"))).toBe(true);
    const map = JSON.parse(readFileSync(join(outdir, "main.js.map"), "utf8")) as { sources: string[] };
    const sources = map.sources.map((source) => resolve(outdir, source));
    expect(sources).toContain(join(REPO_ROOT, "apps/bridge/src/main.ts"));
    expect(sources).toContain(join(REPO_ROOT, "apps/api/src/boot.ts"));
  });

  it("runs under plain node: migrates, answers /readyz, the API, both doors and /api/docs, drains on SIGTERM and exits 0", async () => {
    const server = await startServerProcess(
      {},
      { args: ["--enable-source-maps", join(outdir, "main.js")], cwd: REPO_ROOT },
    );
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
    // A database read and the password hash, through the bundled drizzle and zod.
    const token = await fetch(`${server.url}/api/Authorize/GetToken`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "nobody", password: "not-a-password" }),
    });
    expect(token.status).toBe(401);
    const metrics = await fetch(`${server.url}/metrics`);
    expect(await metrics.text()).toContain("# TYPE");
    // The reference page's renderer, resolved from node_modules by the bundle at run time.
    const renderer = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`);
    expect(renderer.status).toBe(200);
    expect((await renderer.text()).length).toBeGreaterThan(100_000);
    // The second door, through the bundle: refused without a token, as a problem.
    const door = await fetch(`${server.url}/ftosapi/automation-processors/actions/FTOS_ACC_AccountHeader`, {
      method: "POST",
    });
    expect(door.status).toBe(401);
    expect(door.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 90_000);
});
