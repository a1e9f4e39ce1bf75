import { type ChildProcess, spawn } from "node:child_process";
import { type CommandResult, runCommand } from "@account360/terminal/processes";

/** The real `pnpm start` (build, then the one-process server) on a free port and a fresh PGlite directory. */

export interface RunningApp {
  url: string;
  env: NodeJS.ProcessEnv;
  log: () => string;
  stop(): Promise<number | null>;
}

/** Runs a command to completion; stdin is written and closed; killed after three minutes unless told. */
export const run = (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number },
): Promise<CommandResult> => runCommand(command, args, { timeoutMs: 180_000, ...options });

export async function startApp(root: string, env: NodeJS.ProcessEnv, port: number): Promise<RunningApp> {
  let output = "";
  // Its own process group, so stopping it reaches pnpm, turbo and the server alike.
  const child: ChildProcess = spawn("pnpm", ["start"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  let ready = false;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) })).ok) {
        ready = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 12_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    }
    return child.exitCode;
  };
  if (!ready) {
    await stop();
    throw new Error(`pnpm start never became ready:\n${output.slice(-4000)}`);
  }
  return { url, env, log: () => output, stop };
}
