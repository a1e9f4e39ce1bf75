import { type DatabaseHandle, DirectoryInUseError, openDatabase } from "@account360/storage";
import { parseSeedArgs, USAGE } from "./args";
import { argsOrExitCode } from "./command-line";
import { loadSeedEnv, redactUrl } from "./env";
import { inUseAdvice } from "./in-use-advice";
import { SeedConflictError, seedDatabase } from "./load";
import { progressReporter } from "./progress";

/**
 * `pnpm seed`: stdout carries only the --json document; everything else goes to stderr.
 * Exit codes: 0 done, 1 refused or failed (seed already loaded, database in use, …), 2 usage.
 */
async function main(): Promise<number> {
  const args = argsOrExitCode("seed", USAGE, parseSeedArgs, process.argv.slice(2));
  if (typeof args === "number") return args;
  const env = loadSeedEnv();
  const where = env.DATABASE_URL ? `PostgreSQL ${redactUrl(env.DATABASE_URL)}` : `PGlite ${env.PGLITE_DIR}`;
  process.stderr.write(
    `seed: ${args.customers} customers, seed ${args.seed}, anchor ${args.anchor ?? "today"}, ${args.transactionsPerCustomer} transactions each over ${args.months} months, into ${where}${args.reset ? " (reset first)" : ""}\n`,
  );
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, maxConnections: 2 });
  } catch (error) {
    if (!(error instanceof DirectoryInUseError)) throw error;
    process.stderr.write(`seed: ${error.message}\n${inUseAdvice(env.PGLITE_DIR, process.argv.slice(2))}\n`);
    return 1;
  }
  const progress = progressReporter();
  try {
    const result = await seedDatabase(handle, {
      customers: args.customers,
      seed: args.seed,
      anchor: args.anchor,
      transactionsPerCustomer: args.transactionsPerCustomer,
      months: args.months,
      reset: args.reset,
      onProgress: progress.update,
    });
    const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
    const perSecond = Math.round(rows / Math.max(result.seconds, 1e-9));
    progress.end(
      `${rows.toLocaleString("en-US")} rows (${result.counts.transactions.toLocaleString("en-US")} transactions) in ${result.seconds.toFixed(2)} s: ${perSecond.toLocaleString("en-US")} rows/s; analyze ${result.analyzeSeconds.toFixed(2)} s`,
    );
    if (args.json) {
      process.stdout.write(
        `${JSON.stringify({
          counts: result.counts,
          sampleCustomerIds: result.sampleCustomerIds,
          sampleLegalEntityIds: result.sampleLegalEntityIds,
        })}\n`,
      );
    }
    return 0;
  } finally {
    // After a failure the bar must not stay drawn under the error message.
    progress.end();
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof SeedConflictError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`seed: ${known ? "" : "failed: "}${message}\n`);
    if (!known && error instanceof Error && error.stack && !error.message.includes("Invalid seed options")) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = 1;
  },
);
