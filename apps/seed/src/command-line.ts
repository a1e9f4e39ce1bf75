import { type ParseArgsConfig, parseArgs } from "node:util";

/** Wrong command-line arguments: the message says what, and the usage follows it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The named options after the script name, strictly (no positionals, no unknown option); a
 * leading `--` (as pnpm passes it through) is ignored, and what parseArgs refuses is a UsageError.
 */
export function optionsOf<const O extends NonNullable<ParseArgsConfig["options"]>>(
  argv: readonly string[],
  options: O,
) {
  const args = [...argv];
  while (args[0] === "--") args.shift();
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * A command's parsed arguments, or the exit code when there is nothing to run: 0 after printing
 * the usage for --help (stdout), 2 after a usage error and the usage (stderr).
 */
export function argsOrExitCode<A extends { help: boolean }>(
  command: string,
  usage: string,
  parse: (argv: readonly string[]) => A,
  argv: readonly string[],
): A | number {
  let args: A;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return args;
}
