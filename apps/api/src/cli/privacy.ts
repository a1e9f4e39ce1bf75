import { userInfo } from "node:os";
import { createInterface } from "node:readline/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isAppError, type PrivacyPlan } from "@account360/core";
import { DirectoryInUseError, openDatabase } from "@account360/storage";
import pino from "pino";
import { adminSocketPath, sendUserRequest } from "../admin-socket";
import { createApp, createAppDeps } from "../app";
import { type Env, loadEnv } from "../env";
import { runOperatorAction } from "./operator-action";

const USAGE = `Usage:
  pnpm privacy export --customer ID     everything held about the customer, one JSON document on stdout
  pnpm privacy plan --customer ID       what an erasure would erase, pseudonymize and retain, and what blocks it
  pnpm privacy erase --customer ID [--yes]
                                        carries the plan out; asks for confirmation on a terminal,
                                        --yes confirms otherwise (scripts, pipes)
  While a server holds the PGlite directory, the command is handed to it.`;

const PROCEDURES = { export: "privacy.export", plan: "privacy.plan", erase: "privacy.erase" } as const;
type Command = keyof typeof PROCEDURES;

export interface PrivacyCommand {
  command: Command;
  customer: string;
  yes: boolean;
}

export class UsageError extends Error {}

/** Reads the arguments; throws UsageError with a sentence for the operator when they do not make sense. */
export function parsePrivacyArgs(argv: readonly string[]): PrivacyCommand {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError("say what to do: export, plan or erase");
  if (!(command in PROCEDURES))
    throw new UsageError(`unknown command '${command}'; use export, plan or erase`);
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  const customer = values.customer?.trim();
  if (!customer) throw new UsageError("--customer is required (the customerInternalId)");
  if (values.yes && command !== "erase") throw new UsageError("--yes is for erase only");
  return { command: command as Command, customer, yes: values.yes ?? false };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { customer: { type: "string" }, yes: { type: "boolean" } },
  });
}

/** Writes all of `text` before resolving, so a large export is not cut off by the exit. */
const print = (text: string) =>
  new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );

async function confirmed(customer: string, plan: PrivacyPlan): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new UsageError("standard input is not a terminal: pass --yes to confirm the erasure");
  }
  const kept = plan.actions.filter((a) => a.action === "retain").map((a) => a.entity);
  process.stderr.write(
    `Erasing customer ${customer} removes its contact data, addresses, picture and the personal values of its audit trail for good;\n` +
      `names and UniqueID become a pseudonym; kept under it: ${[...new Set(kept)].join(", ")}.\n`,
  );
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`Type the customer id to erase it: `);
    return answer.trim().toLowerCase() === customer.toLowerCase();
  } finally {
    prompt.close();
  }
}

/** A refusal the running server answered through its admin socket. */
class ServerRefusal extends Error {
  constructor(
    message: string,
    readonly usage: boolean,
  ) {
    super(message);
  }
}

/** Runs an action by procedure, in this process or in the server that holds the PGlite directory. */
type Runner = (procedure: string) => Promise<unknown>;

async function runnerFor(
  env: Env,
  customer: string,
  operator: string,
): Promise<{ run: Runner; close(): Promise<void> }> {
  const input = { customerInternalId: customer };
  try {
    const handle = await openDatabase({
      url: env.DATABASE_URL,
      pgliteDir: env.PGLITE_DIR,
      warn: (message) => process.stderr.write(`privacy: ${message}\n`),
    });
    const deps = createAppDeps(createApp(env), handle, { env, logger: pino({ level: "silent" }) });
    return {
      run: (procedure) => runOperatorAction(deps, procedure, input, operator),
      close: () => handle.close().catch(() => {}),
    };
  } catch (error) {
    // A running server holds the PGlite directory: hand the commands to it instead.
    if (!(error instanceof DirectoryInUseError)) throw error;
    const run: Runner = async (procedure) => {
      const answer = await sendUserRequest(adminSocketPath(env.PGLITE_DIR), {
        command: "action",
        procedure,
        input,
        operator,
      }).catch(() => {
        throw error;
      });
      if (!answer.ok) throw new ServerRefusal(answer.message, answer.usage);
      return JSON.parse(answer.line);
    };
    return { run, close: async () => {} };
  }
}

/** Runs one command; answers the exit code: 0 done, 2 a usage error or bad input, 1 anything else. */
export async function main(argv: readonly string[]): Promise<number> {
  let command: PrivacyCommand;
  try {
    command = parsePrivacyArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`privacy: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  let runner: Awaited<ReturnType<typeof runnerFor>> | undefined;
  try {
    runner = await runnerFor(loadEnv(), command.customer, `cli:${userInfo().username}`);
    if (command.command === "erase" && !command.yes) {
      const plan = (await runner.run(PROCEDURES.plan)) as PrivacyPlan;
      // A blocked erasure is refused below with its blockers; only one that can go ahead is asked about.
      if (plan.canEraseNow && !(await confirmed(command.customer, plan))) {
        process.stderr.write("privacy: not confirmed; nothing was erased\n");
        return 1;
      }
    }
    const output = await runner.run(PROCEDURES[command.command]);
    await print(`${JSON.stringify(output, null, command.command === "export" ? 0 : 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`privacy: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ServerRefusal) {
      process.stderr.write(`privacy: ${error.message}\n`);
      return error.usage ? 2 : 1;
    }
    if (isAppError(error)) {
      const details = error.fieldErrors.map((e) => `\n  ${e.field}: ${e.message}`).join("");
      process.stderr.write(`privacy: ${error.message}${details}\n`);
      return error.code === "BAD_REQUEST" ? 2 : 1;
    }
    // The message only: a stack or a driver's detail is no help to an operator here.
    process.stderr.write(`privacy: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await runner?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`privacy: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
