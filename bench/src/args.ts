import { parseArgs } from "node:util";

/** What one `pnpm bench` run measures and how hard; every figure is printed, none fails the run. */
export interface BenchPlan {
  quick: boolean;
  parts: ReadonlySet<BenchPart>;
  /** Seconds of write load over HTTP, and of the driver floor. */
  writeSeconds: number;
  writeConcurrency: number;
  /** Measured calls per widget (and floor queries per widget). */
  reads: number;
  /** Unmeasured calls per widget first, so neither side is timed while its caches are cold. */
  warmupReads: number;
  readConcurrency: number;
  /** Customers seeded for the reads; null: the default for the database (PGlite is scaled down). */
  customers: number | null;
  transactionsPerCustomer: number;
  seed: number;
  /** Where the JSON goes. */
  out: string | null;
  /** Run the server with --cpu-prof, writing its profile into this directory. */
  profileDir: string | null;
  help: boolean;
}

export const BENCH_PARTS = ["seed", "write", "read"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** The full data set on PostgreSQL; on PGlite 10,000 customers take minutes and ~2 GB, so a tenth. */
export const FULL_CUSTOMERS = { postgres: 10_000, pglite: 1_000 } as const;

export const USAGE = `Usage: pnpm bench [--quick] [--only seed,write,read] [--customers N] [--write-seconds S] [--reads N]
                  [--seed S] [--out FILE] [--profile DIR]

  --quick            a short smoke run: 3 s of writes, 200 reads per widget, 500 customers
  --only PARTS       measure only these parts (memory comes with write)
  --customers N      customers seeded for the reads (default ${FULL_CUSTOMERS.postgres.toLocaleString("en-US")} on PostgreSQL, ${FULL_CUSTOMERS.pglite.toLocaleString("en-US")} on PGlite)
  --write-seconds S  seconds of write load, over HTTP and again on the driver (default 20)
  --reads N          measured calls per widget, and floor queries per widget (default 2000)
  --seed S           the seed of the data set (default 1)
  --out FILE         where the results go (default bench/results/latest.json)
  --profile DIR      run the server with --cpu-prof and keep its profile in DIR

PostgreSQL when DATABASE_URL is set (a fresh database is created beside it and dropped at the
end), else PGlite in a temporary directory. The figures are printed; nothing fails on them.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      customers: { type: "string" },
      "write-seconds": { type: "string" },
      reads: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      profile: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0) {
    throw new UsageError(`--${name} must be a positive whole number, not "${text}"`);
  }
  return Number(text.trim());
}

function partsOf(text: string | undefined): Set<BenchPart> {
  if (text === undefined) return new Set(BENCH_PARTS);
  const parts = text
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(BENCH_PARTS as readonly string[]).includes(p));
  if (parts.length === 0 || unknown.length > 0) {
    throw new UsageError(`--only takes a comma-separated list of ${BENCH_PARTS.join(", ")}`);
  }
  return new Set(parts as BenchPart[]);
}

/** Reads the arguments after the script name; a leading `--` (as pnpm passes it through) is ignored. */
export function parseBenchArgs(argv: readonly string[]): BenchPlan {
  const args = [...argv];
  while (args[0] === "--") args.shift();
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const quick = values.quick === true;
  return {
    quick,
    parts: partsOf(values.only),
    writeSeconds: positive("write-seconds", values["write-seconds"], quick ? 3 : 20),
    writeConcurrency: 32,
    reads: positive("reads", values.reads, quick ? 200 : 2000),
    warmupReads: quick ? 20 : 100,
    readConcurrency: 8,
    customers:
      values.customers === undefined ? (quick ? 500 : null) : positive("customers", values.customers, 1),
    transactionsPerCustomer: 200,
    seed: values.seed === undefined ? 1 : positive("seed", values.seed, 1),
    out: values.out ?? null,
    profileDir: values.profile ?? null,
    help: values.help === true,
  };
}
