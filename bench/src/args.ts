import { optionsOf, UsageError } from "@account360/seed";

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
  /** SQL run on the bench database once it is loaded: an index tried before its migration exists. */
  setupSql: string | null;
  sweep: SweepPlan;
  help: boolean;
}

/** The cost of history (CONTRACT §7): one customer per size, every widget and a write on each. */
export interface SweepPlan {
  /** Rows of transactions, interactions and revenues of each sweep customer, ascending. */
  sizes: readonly number[];
  /** Measured calls per widget and size, over HTTP and again on the driver. */
  reads: number;
  warmupReads: number;
  /** One call at a time: the latency is the widget's own cost, not a queue for the two cores. */
  readConcurrency: number;
  /** Seconds of agreement creates per size, over HTTP and again on the driver (at writeConcurrency). */
  writeSeconds: number;
}

const BENCH_PARTS = ["seed", "write", "read", "sweep", "events"] as const;
type BenchPart = (typeof BENCH_PARTS)[number];

/** The full data set on PostgreSQL; on PGlite 10,000 customers take minutes and ~2 GB, so a tenth. */
export const FULL_CUSTOMERS = { postgres: 10_000, pglite: 1_000 } as const;

/** CONTRACT §7: the sizes of one customer's history the sweep measures. */
const SWEEP_SIZES = [200, 2_000, 20_000] as const;

export const USAGE = `Usage: pnpm bench [--quick] [--only seed,write,read,sweep,events] [--customers N] [--write-seconds S] [--reads N]
                  [--seed S] [--out FILE] [--profile DIR] [--sweep-sizes A,B,C] [--sweep-reads N]
                  [--sweep-seconds S] [--setup-sql FILE]

  --quick            a short smoke run: 3 s of writes, 200 reads per widget, 500 customers;
                     the sweep at its three sizes with 100 reads per widget and 2 s of writes each
  --only PARTS       measure only these parts (memory comes with write; events is the write load
                     again with a webhook endpoint receiving every customer.created)
  --customers N      customers seeded for the reads (default ${FULL_CUSTOMERS.postgres.toLocaleString("en-US")} on PostgreSQL, ${FULL_CUSTOMERS.pglite.toLocaleString("en-US")} on PGlite)
  --write-seconds S  seconds of write load, over HTTP and again on the driver (default 20)
  --reads N          measured calls per widget, and floor queries per widget (default 2000)
  --seed S           the seed of the data set (default 1)
  --out FILE         where the results go (default bench/results/latest.json)
  --profile DIR      run the server with --cpu-prof and keep its profile in DIR
  --sweep-sizes LIST rows of history of the sweep's customers (default ${SWEEP_SIZES.map((n) => n.toLocaleString("en-US")).join(", ")})
  --sweep-reads N    measured calls per widget and size, one at a time (default 500)
  --sweep-seconds S  seconds of agreement creates per size, over HTTP and on the driver (default 10)
  --setup-sql FILE   run FILE on the bench database once loaded, then ANALYZE (to try an index
                     before its migration exists)

PostgreSQL when DATABASE_URL is set (a fresh database is created beside it and dropped at the
end), else PGlite in a temporary directory. The figures are printed; nothing fails on them.`;

const OPTIONS = {
  quick: { type: "boolean", default: false },
  only: { type: "string" },
  customers: { type: "string" },
  "write-seconds": { type: "string" },
  reads: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  profile: { type: "string" },
  "sweep-sizes": { type: "string" },
  "sweep-reads": { type: "string" },
  "sweep-seconds": { type: "string" },
  "setup-sql": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

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

/** The largest history the generator writes: the seed's limit on one customer's transactions. */
const MAX_SWEEP_SIZE = 99_999;

function sizesOf(text: string | undefined): number[] {
  if (text === undefined) return [...SWEEP_SIZES];
  const sizes = text
    .split(",")
    .map((s) => s.trim().replaceAll("_", ""))
    .filter(Boolean);
  if (
    sizes.length === 0 ||
    sizes.some((s) => !/^\d+$/.test(s) || Number(s) <= 0 || Number(s) > MAX_SWEEP_SIZE)
  ) {
    throw new UsageError(
      `--sweep-sizes takes a comma-separated list of row counts from 1 to ${MAX_SWEEP_SIZE.toLocaleString("en-US")}, not "${text}"`,
    );
  }
  return [...new Set(sizes.map(Number))].sort((a, b) => a - b);
}

/** Reads the arguments after the script name. */
export function parseBenchArgs(argv: readonly string[]): BenchPlan {
  const values = optionsOf(argv, OPTIONS);
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
    setupSql: values["setup-sql"] ?? null,
    sweep: {
      sizes: sizesOf(values["sweep-sizes"]),
      reads: positive("sweep-reads", values["sweep-reads"], quick ? 100 : 500),
      warmupReads: quick ? 10 : 50,
      readConcurrency: 1,
      writeSeconds: positive("sweep-seconds", values["sweep-seconds"], quick ? 2 : 10),
    },
    help: values.help === true,
  };
}
