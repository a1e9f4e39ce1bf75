import { userInfo } from "node:os";
import { isAppError, parseInput } from "@account360/core";
import { DirectoryInUseError, openDatabase } from "@account360/storage";
import pino from "pino";
import { adminSocketPath, sendUserRequest } from "../admin-socket";
import { createApp, createAppDeps } from "../app";
import type { AppDeps } from "../context";
import type { Env } from "../env";

/**
 * Runs an action of the registry for an operator at the machine (a command such as `pnpm
 * webhook`): the same input schema, use case and output schema as every door, the operator
 * standing in for a signed-in admin. Throws an AppError as the doors would answer it.
 */
export async function runOperatorAction(
  deps: Pick<AppDeps, "actions" | "sources" | "settings" | "now">,
  procedure: string,
  input: unknown,
  operator: string,
): Promise<unknown> {
  const action = deps.actions.byProcedure(procedure);
  if (!action) throw new Error(`no action is procedure ${procedure}`);
  const output = await action.run(
    { sources: deps.sources, actor: { userName: operator }, now: deps.now(), settings: deps.settings },
    parseInput(action.input, input),
  );
  return action.output.parse(output);
}

/** Who an operator command acts as in the audit trail: `cli:<login>`. */
export const operatorName = () => `cli:${userInfo().username}`;

/** A refusal the running server answered through its admin socket. */
class ServerRefusal extends Error {
  constructor(
    message: string,
    readonly usage: boolean,
  ) {
    super(message);
  }
}

export interface OperatorRunner {
  run(procedure: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Where an operator command runs its actions: on the database, opened here; or, while a running
 * server holds the PGlite directory, in that server, through its admin socket.
 */
export async function operatorRunner(env: Env, command: string, operator: string): Promise<OperatorRunner> {
  try {
    const handle = await openDatabase({
      url: env.DATABASE_URL,
      pgliteDir: env.PGLITE_DIR,
      warn: (message) => process.stderr.write(`${command}: ${message}\n`),
    });
    const deps = createAppDeps(createApp(env), handle, { env, logger: pino({ level: "silent" }) });
    return {
      run: (procedure, input) => runOperatorAction(deps, procedure, input, operator),
      close: () => handle.close().catch(() => {}),
    };
  } catch (error) {
    if (!(error instanceof DirectoryInUseError)) throw error;
    return {
      async run(procedure, input) {
        const request = { command: "action" as const, procedure, input, operator };
        const answer = await sendUserRequest(adminSocketPath(env.PGLITE_DIR), request).catch(() => {
          throw error;
        });
        if (!answer.ok) throw new ServerRefusal(answer.message, answer.usage);
        return JSON.parse(answer.line);
      },
      close: async () => {},
    };
  }
}

/** Prints why an operator command failed; answers its exit code: 2 for bad input, 1 otherwise. */
export function reportFailure(command: string, error: unknown): number {
  if (error instanceof ServerRefusal) {
    process.stderr.write(`${command}: ${error.message}\n`);
    return error.usage ? 2 : 1;
  }
  if (isAppError(error)) {
    const details = error.fieldErrors.map((e) => `\n  ${e.field}: ${e.message}`).join("");
    process.stderr.write(`${command}: ${error.message}${details}\n`);
    return error.code === "BAD_REQUEST" ? 2 : 1;
  }
  // The message only: a stack or a driver's detail is no help to an operator here.
  process.stderr.write(`${command}: ${(error as Error).message}\n`);
  return 1;
}
