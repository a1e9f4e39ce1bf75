import { optionsOf, UsageError } from "./command-line";
import { DEFAULT_MONTHS, DEFAULT_TRANSACTIONS_PER_CUSTOMER, MAX_SEED } from "./context";

export interface SeedArgs {
  customers: number;
  seed: number;
  anchor: string | undefined;
  transactionsPerCustomer: number;
  months: number;
  json: boolean;
  reset: boolean;
  help: boolean;
}

export const DEFAULT_CUSTOMERS = 100;
export const DEFAULT_SEED = 1;

export const USAGE = `Usage: pnpm seed [--customers N] [--seed S] [--anchor YYYY-MM-DD] [--transactions T] [--months M] [--json] [--reset]

  --customers N     customers to add (default ${DEFAULT_CUSTOMERS})
  --seed S          0 to ${MAX_SEED}; the same seed and anchor give the same data, ids included (default ${DEFAULT_SEED})
  --anchor DATE     the day the data is "as of" (default: today, UTC)
  --transactions T  transactions per customer that holds an account (default ${DEFAULT_TRANSACTIONS_PER_CUSTOMER})
  --months M        months of transactions before the anchor (default ${DEFAULT_MONTHS})
  --json            print {counts, sampleCustomerIds} as one JSON document on stdout
  --reset           empty every data table first (users and tokens are kept)

A seed that is already loaded is refused unless --reset. The database is DATABASE_URL
(PostgreSQL) or else PGlite in PGLITE_DIR (default .data/pglite).`;

function whole(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return Number(text.trim());
}

const OPTIONS = {
  customers: { type: "string" },
  seed: { type: "string" },
  anchor: { type: "string" },
  transactions: { type: "string" },
  months: { type: "string" },
  json: { type: "boolean" },
  reset: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Reads the arguments after the script name. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const values = optionsOf(argv, OPTIONS);
  return {
    customers: whole("customers", values.customers, DEFAULT_CUSTOMERS),
    seed: whole("seed", values.seed, DEFAULT_SEED),
    anchor: values.anchor?.trim(),
    transactionsPerCustomer: whole("transactions", values.transactions, DEFAULT_TRANSACTIONS_PER_CUSTOMER),
    months: whole("months", values.months, DEFAULT_MONTHS),
    json: values.json ?? false,
    reset: values.reset ?? false,
    help: values.help ?? false,
  };
}
