import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * How `pnpm start` runs the server (the root package.json's start script; a test keeps the two
 * equal): the bundle, under plain node, from the repo root. The bench and the crash test start
 * their servers with these same arguments, so they measure and crash what production runs.
 */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/**
 * The two V8 flags hold the server's memory under load (docs/performance.md, measured): a 4 MiB
 * young generation (16 by default) and an old generation allowed to grow to 1.5× what the last
 * full collection kept alive (up to 4× by default) took peak RSS under the write bench from
 * ~205 to ~122 MiB at the same CPU per request; the live heap stays ~28 MiB.
 */
export const SERVER_NODE_ARGS = [
  "--max-semi-space-size=4",
  "--heap-growing-percent=50",
  "--enable-source-maps",
  "apps/bridge/dist/main.js",
];

/**
 * Builds the bundle through the same turbo task as `pnpm start` (a cache hit when nothing
 * changed). turbo's own output goes to stderr, so a tool's stdout stays its own. turbo is the
 * root's own dev dependency: no pnpm on PATH needed (a newcomer may only have npx).
 */
export function buildServerBundle(): void {
  const built = spawnSync(
    join(REPO_ROOT, "node_modules/.bin/turbo"),
    ["run", "build", "--filter=@account360/bridge", "--output-logs=errors-only"],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
  );
  // turbo's summary is only worth reading when the build failed.
  if (built.status !== 0) {
    process.stderr.write(`${built.stdout ?? ""}${built.stderr ?? ""}`);
    throw new Error(`building the server bundle failed (turbo exit ${built.status ?? built.signal})`);
  }
}
