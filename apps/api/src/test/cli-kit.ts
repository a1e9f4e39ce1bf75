import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, openDatabase } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { type CommandResult, runCommand } from "@account360/terminal/processes";
import { afterAll, beforeAll } from "vitest";
import { startServer } from "../boot";
import { loadEnv } from "../env";

/** How a test starts the operator command: `tsx src/cli/user.ts`, `pnpm -s privacy`, … */
export interface CliCommand {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * An operator command (`pnpm user` and its kin) run in a child process: against PostgreSQL when
 * DATABASE_URL is set (a fresh test database per file), else a temporary PGlite directory, which
 * only one process may hold: the test opens it between runs, or a server holding it takes the
 * command through its admin socket. Registers the file's beforeAll and afterAll.
 */
export function cliKit(name: string, cli: CliCommand) {
  let pgHandle: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  const root = mkdtempSync(join(tmpdir(), `a360-${name}-cli-`));
  const pgliteDir = join(root, "pglite");

  beforeAll(async () => {
    if (process.env.DATABASE_URL) pgHandle = await openTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await pgHandle?.close();
    rmSync(root, { recursive: true, force: true });
  });

  return {
    pgliteDir,
    /** The command's database, opened here while no command runs. */
    async withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
      if (pgHandle) return work(pgHandle);
      const handle = await openDatabase({ pgliteDir });
      try {
        return await work(handle);
      } finally {
        await handle.close();
      }
    },
    run(args: string[], stdin = "", extraEnv: Record<string, string> = {}): Promise<CommandResult> {
      const env = {
        ...process.env,
        DATABASE_URL: pgHandle?.url ?? "",
        PGLITE_DIR: pgliteDir,
        ...cli.env,
        ...extraEnv,
      };
      return runCommand(cli.command, [...cli.args, ...args], { env, stdin, cwd: cli.cwd });
    },
    /** A server holding the PGlite directory (PGlite only) while `work` runs the commands. */
    async withServer(work: () => Promise<void>): Promise<void> {
      const env = loadEnv({
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        DATABASE_URL: "",
        PGLITE_DIR: pgliteDir,
      });
      const server = await startServer({ env });
      try {
        await server.ready;
        await work();
      } finally {
        await server.stop();
      }
    },
  };
}
