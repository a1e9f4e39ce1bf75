import { spawn } from "node:child_process";
import { delimiter, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs commands the way a person types them: a command line handed to a shell in the repository
 * root, through pnpm, optionally on a pseudo-terminal. Tests of what a newcomer sees use this
 * rather than calling the entry points directly, so pnpm's own output is part of what they check.
 */

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * What pnpm, turbo and vitest put in the environment for their own children. A person's shell
 * has none of it, and some of it changes what a nested pnpm prints or does (npm_config_*,
 * NODE_ENV=test), so it is dropped.
 */
const NOT_IN_A_SHELL =
  /^(npm_|pnpm_|PNPM_|TURBO_|VITEST|INIT_CWD$|NODE_ENV$|TEST$|FORCE_COLOR$|NODE_OPTIONS$)/;

export function shellEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!NOT_IN_A_SHELL.test(key)) env[key] = value;
  // pnpm puts the packages' node_modules/.bin first on PATH for scripts; a shell has none of them.
  env.PATH = (env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => !dir.split(sep).includes("node_modules"))
    .join(delimiter);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface TypedOptions {
  /** Variables set (or, with undefined, unset) on top of the shell's environment. */
  env?: Record<string, string | undefined>;
  /** Written to the command's standard input, which then closes (unless `keepStdinOpen`). */
  stdin?: string;
  keepStdinOpen?: boolean;
  /**
   * On a pseudo-terminal (util-linux `script`), as at a terminal: stdout and stderr both reach
   * it and come back together in `stdout`, `\r\n` line ends included. Redirect inside the line to
   * keep a stream apart (`pnpm seed --json > out.json`).
   */
  tty?: boolean;
  timeoutMs?: number;
}

export interface TypedResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface TypedCommand {
  stdout(): string;
  stderr(): string;
  /** Keys typed at the command's input (on a terminal, "\x03" is Ctrl-C). */
  type(text: string): void;
  /** Resolves once `pattern` appears in stdout or stderr; rejects if the command exits first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends a signal to the command's whole process group (pnpm and everything it started). */
  signal(signal: NodeJS.Signals): void;
  done: Promise<TypedResult>;
}

/** Whether `tty: true` can work here: util-linux `script` (Linux). */
export async function hasPseudoTerminal(): Promise<boolean> {
  const probe = await runTyped("script --version", { timeoutMs: 5_000 }).catch(() => null);
  return probe?.code === 0 && /util-linux/.test(probe.stdout);
}

export function startTyped(line: string, options: TypedOptions = {}): TypedCommand {
  const [command, args] = options.tty
    ? ["script", ["--quiet", "--flush", "--return", "--command", line, "/dev/null"]]
    : ["bash", ["-c", line]];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: shellEnv({ SHELL: "/bin/bash", ...options.env }),
    // Its own process group, so a signal reaches pnpm and the processes it started alike.
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    changed();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    changed();
  });
  child.stdin.on("error", () => {});
  if (options.stdin !== undefined) child.stdin.write(options.stdin);
  if (!options.keepStdinOpen) child.stdin.end();

  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const timeout = setTimeout(() => signal("SIGKILL"), options.timeoutMs ?? 120_000);
  const done = new Promise<TypedResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, exitSignal) => {
      clearTimeout(timeout);
      changed();
      resolve({ code, signal: exitSignal, stdout, stderr });
    });
  });
  let exited = false;
  void done.then(() => {
    exited = true;
  });

  return {
    stdout: () => stdout,
    stderr: () => stderr,
    type: (text) => child.stdin.write(text),
    signal,
    done,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = stdout.match(pattern) ?? stderr.match(pattern);
          if (match) finish(() => resolve(match));
          else if (exited)
            finish(() => reject(new Error(`exited before ${pattern}:\n${stdout}\n--- stderr\n${stderr}`)));
        };
        const timer = setTimeout(
          () =>
            finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs a command line to its end. */
export function runTyped(line: string, options: TypedOptions = {}): Promise<TypedResult> {
  return startTyped(line, options).done;
}

const ESC = "\u001b";
const OTHER_ESCAPES = new RegExp(`${ESC}\\[[0-9;?]*[A-JL-Za-z]`, "g");
const LINE_CONTROLS = new RegExp(`(\r\n|\r|\n|${ESC}\\[[012]?K)`);

/** True when text has no carriage return and no escape: lines fit for a log or a pipe. */
export const isPlainText = (text: string) => !text.includes("\r") && !text.includes(ESC);

/**
 * A terminal transcript as a person reads it: `\r` returns to the line start, `\x1b[K` erases
 * to its end (`[1K` to its start, `[2K` all of it, as turbo clears its own line), text
 * overwrites what was there; colours and other escapes are dropped.
 */
export function asShown(transcript: string): string[] {
  const lines = [""];
  let column = 0;
  const plain = transcript.replace(OTHER_ESCAPES, "");
  for (const piece of plain.split(LINE_CONTROLS)) {
    const row = lines.length - 1;
    if (piece === "\n" || piece === "\r\n") {
      lines.push("");
      column = 0;
    } else if (piece === "\r") column = 0;
    else if (piece === "\x1b[K" || piece === "\x1b[0K") lines[row] = lines[row]!.slice(0, column);
    else if (piece === "\x1b[1K") lines[row] = " ".repeat(column) + lines[row]!.slice(column);
    else if (piece === "\x1b[2K") lines[row] = " ".repeat(column);
    else {
      const line = lines[row]!;
      lines[row] = line.slice(0, column) + piece + line.slice(column + piece.length);
      column += piece.length;
    }
  }
  return lines;
}
