import { DirectoryInUseError, openDatabase } from "@account360/storage";
import { adminSocketPath, runUserRequest, sendUserRequest, type UserRequest } from "../admin-socket";
import { createAuthService } from "../auth/auth-service";
import { passwordProblem } from "../auth/passwords";
import { isRole, ROLES, type Role } from "../auth/roles";
import { loadEnv } from "../env";
import { readCommandLine, runAsScript, UsageError } from "./command-line";
import { reportFailure } from "./operator-action";

const USAGE = `Usage:
  pnpm user add --username U --role R [--role R ...] [--password-stdin]
  pnpm user disable --username U

  --role            ${ROLES.join(", ")}; repeat it for several roles
  --password-stdin  read the password from standard input (one trailing newline is dropped);
                    without it, the password is asked for on the terminal without echo.
                    A password is never accepted on the command line.`;

export type UserCommand =
  | { command: "add"; username: string; roles: Role[]; passwordStdin: boolean }
  | { command: "disable"; username: string };

/** Reads the arguments; throws UsageError with a sentence for the user when they do not make sense. */
export function parseUserArgs(argv: readonly string[]): UserCommand {
  const { values, positionals } = readCommandLine(
    argv,
    {
      username: { type: "string" },
      role: { type: "string", multiple: true },
      "password-stdin": { type: "boolean" },
    },
    "password",
  );
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError("say what to do: add or disable");
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  const username = values.username?.trim();
  if (!username) throw new UsageError("--username is required");

  if (command === "disable") {
    if (values.role?.length || values["password-stdin"]) {
      throw new UsageError("disable takes only --username");
    }
    return { command, username };
  }
  if (command !== "add") throw new UsageError(`unknown command '${command}'; use add or disable`);
  const roles = (values.role ?? []).map((role) => role.trim().toLowerCase());
  if (roles.length === 0) throw new UsageError(`give at least one --role (${ROLES.join(", ")})`);
  const unknown = roles.find((role) => !isRole(role));
  if (unknown !== undefined) throw new UsageError(`unknown role '${unknown}'; use ${ROLES.join(", ")}`);
  return {
    command,
    username,
    roles: ROLES.filter((role) => roles.includes(role)),
    passwordStdin: values["password-stdin"] ?? false,
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Keystrokes that arrived after the end of one answer (a paste), kept for the next question. */
let typedAhead = "";

/** Asks on the terminal with echo off; resolves null when the user gives up (Ctrl-C, Ctrl-D). */
function askHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  // Echo off before the prompt shows: keys typed as soon as it appears are never echoed.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  stdin.resume();
  return new Promise((resolve) => {
    let typed = "";
    const finish = (value: string | null) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      resolve(value);
    };
    const consume = (input: string) => {
      const chars = [...input];
      for (const [i, char] of chars.entries()) {
        if (char === "\r" || char === "\n") {
          typedAhead = chars
            .slice(i + 1)
            .join("")
            .replace(/^\n/, "");
          return finish(typed);
        }
        if (char === "\u0003" || (char === "\u0004" && typed === "")) return finish(null);
        if (char === "\u007f" || char === "\b") typed = [...typed].slice(0, -1).join("");
        else if (char >= " ") typed += char;
      }
    };
    const onData = (data: Buffer) => consume(data.toString("utf8"));
    stdin.on("data", onData);
    const ahead = typedAhead;
    typedAhead = "";
    if (ahead) consume(ahead);
  });
}

async function readPassword(passwordStdin: boolean): Promise<string> {
  if (passwordStdin) return readStdin();
  if (!process.stdin.isTTY) {
    throw new UsageError("standard input is not a terminal: pipe the password in and pass --password-stdin");
  }
  const first = await askHidden("Password: ");
  if (first === null) throw new UsageError("cancelled");
  const problem = passwordProblem(first);
  if (problem) throw new UsageError(problem);
  const again = await askHidden("Repeat the password: ");
  if (again !== first) throw new UsageError("the two passwords differ");
  return first;
}

/** Runs one command; answers the exit code: 0 done, 2 a usage error, 1 anything else. */
export async function main(argv: readonly string[]): Promise<number> {
  let command: UserCommand;
  let password = "";
  try {
    command = parseUserArgs(argv);
    if (command.command === "add") {
      password = await readPassword(command.passwordStdin);
      const problem = passwordProblem(password);
      if (problem) throw new UsageError(problem);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`user: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  const request: UserRequest =
    command.command === "add"
      ? { command: "add", username: command.username, roles: command.roles, password }
      : { command: "disable", username: command.username };
  let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const env = loadEnv();
    try {
      handle = await openDatabase({
        url: env.DATABASE_URL,
        pgliteDir: env.PGLITE_DIR,
        warn: (message) => process.stderr.write(`user: ${message}\n`),
      });
    } catch (error) {
      // A running server holds the PGlite directory: hand the command to it instead.
      if (!(error instanceof DirectoryInUseError)) throw error;
      const answer = await sendUserRequest(adminSocketPath(env.PGLITE_DIR), request).catch(() => {
        throw error;
      });
      if (!answer.ok) {
        process.stderr.write(`user: ${answer.message}\n`);
        return answer.usage ? 2 : 1;
      }
      process.stdout.write(`${answer.line}\n`);
      return 0;
    }
    const auth = createAuthService({ database: handle, tokenTtlSeconds: env.TOKEN_TTL_SECONDS });
    process.stdout.write(`${await runUserRequest(auth, request)}\n`);
    return 0;
  } catch (error) {
    return reportFailure("user", error);
  } finally {
    await handle?.close().catch(() => {});
  }
}

runAsScript(import.meta.url, "user", main);
