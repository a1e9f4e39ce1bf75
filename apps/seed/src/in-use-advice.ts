import { resolve } from "node:path";
import { shellWord } from "@account360/terminal";

/**
 * What to do when the PGlite directory is held by another process, nearly always the running
 * `pnpm start`: PGlite opens in one process at a time, so the seed cannot load beside the server.
 * It follows the storage error (which says `in use` and names the process) in the same message,
 * with the person's own command line in each way out.
 */
export function inUseAdvice(pgliteDir: string, argv: readonly string[]): string {
  const args = [...argv];
  while (args[0] === "--") args.shift();
  const again = ["pnpm seed", ...args.map(shellWord)].join(" ");
  // Absolute: `pnpm start` runs in apps/bridge and would read a relative directory from there.
  const other = shellWord(`${resolve(pgliteDir)}-seeded`);
  return [
    "PGlite opens in one process at a time. Next, one of:",
    `  - stop the server (Ctrl-C where \`pnpm start\` runs), run \`${again}\` again, then \`pnpm start\`;`,
    `  - seed another directory and serve that one: \`PGLITE_DIR=${other} ${again}\`, then \`PGLITE_DIR=${other} pnpm start\`;`,
    `  - use PostgreSQL, which the seed and any number of servers share: \`DATABASE_URL=postgres://USER@HOST:5432/DB ${again}\`, and start the server with the same DATABASE_URL.`,
  ].join("\n");
}
