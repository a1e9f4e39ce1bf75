import { createInterface } from "node:readline/promises";
import type { PrivacyPlan } from "@account360/core";
import { loadEnv } from "../env";
import { readCommandLine, runAsScript, UsageError } from "./command-line";
import { type OperatorRunner, operatorName, operatorRunner, reportFailure } from "./operator-action";

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

/** Reads the arguments; throws UsageError with a sentence for the operator when they do not make sense. */
export function parsePrivacyArgs(argv: readonly string[]): PrivacyCommand {
  const { values, positionals } = readCommandLine(argv, {
    customer: { type: "string" },
    yes: { type: "boolean" },
  });
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
  let runner: OperatorRunner | undefined;
  const input = { customerInternalId: command.customer };
  try {
    runner = await operatorRunner(loadEnv(), "privacy", operatorName());
    if (command.command === "erase" && !command.yes) {
      const plan = (await runner.run(PROCEDURES.plan, input)) as PrivacyPlan;
      // A blocked erasure is refused below with its blockers; only one that can go ahead is asked about.
      if (plan.canEraseNow && !(await confirmed(command.customer, plan))) {
        process.stderr.write("privacy: not confirmed; nothing was erased\n");
        return 1;
      }
    }
    const output = await runner.run(PROCEDURES[command.command], input);
    await print(`${JSON.stringify(output, null, command.command === "export" ? 0 : 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`privacy: ${error.message}\n`);
      return 2;
    }
    return reportFailure("privacy", error);
  } finally {
    await runner?.close();
  }
}

runAsScript(import.meta.url, "privacy", main);
