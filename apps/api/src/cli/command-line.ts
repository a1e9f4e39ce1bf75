import { pathToFileURL } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";

/** How the command was typed makes no sense: it says why, prints its usage and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * The words and options of an operator command (a leading `--`, as pnpm passes it, skipped);
 * anything parseArgs refuses is a UsageError. `secret` names a value never taken from the command
 * line, where the shell's history would keep it: `--<secret>` is refused, pointing to
 * `--<secret>-stdin`.
 */
export function readCommandLine<const O extends Options>(
  argv: readonly string[],
  options: O,
  secret?: string,
) {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  if (secret && args.some((arg) => arg === `--${secret}` || arg.startsWith(`--${secret}=`))) {
    throw new UsageError(
      `a ${secret} is never taken from the command line; pipe it in with --${secret}-stdin`,
    );
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs `main` when this module is the script node started, and exits with the code it answers. */
export function runAsScript(
  moduleUrl: string,
  command: string,
  main: (argv: readonly string[]) => Promise<number>,
): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${command}: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
