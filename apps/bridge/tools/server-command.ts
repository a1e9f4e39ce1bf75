import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * How `pnpm start` runs the server (the root package.json's start script; a test keeps the two
 * equal): the bundle, under plain node, from the repo root. The bench and the crash test start
 * their servers with these same arguments, so they measure and crash what production runs.
 */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const SERVER_NODE_ARGS = ["--enable-source-maps", "apps/bridge/dist/main.js"];

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
