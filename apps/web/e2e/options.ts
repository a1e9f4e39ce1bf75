import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

/** Screenshots and the like, kept after a run for a look; outside the repository, so a test run leaves the tree as it was. */
export const ARTIFACTS_DIR = join(tmpdir(), "account360-e2e");

export const USAGE = `Usage: pnpm test:e2e [--screenshot FILE]

  --screenshot FILE  where the picture of the customer page goes
                     (default ${join(ARTIFACTS_DIR, "customer-page.png")});
                     \`pnpm screenshot\` runs the same checks and writes docs/screenshot.png,
                     the README's picture

The real \`pnpm start\` on a fresh PGlite directory with seeded data, driven through Debian's
Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Prints \`N passed, N failed\` last.`;

export interface E2eOptions {
  screenshotPath: string;
  help: boolean;
}

/** Reads the arguments after the script name; a leading `--` (as pnpm passes it through) is ignored. */
export function parseE2eArgs(argv: readonly string[], cwd = process.cwd()): E2eOptions {
  const args = [...argv];
  while (args[0] === "--") args.shift();
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { screenshot: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
  });
  return {
    screenshotPath: values.screenshot
      ? resolve(cwd, values.screenshot)
      : join(ARTIFACTS_DIR, "customer-page.png"),
    help: values.help === true,
  };
}
