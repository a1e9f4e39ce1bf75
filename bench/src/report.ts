import type { PhaseCost } from "./cpu";
import type { EventFigures } from "./events";
import type { ReadFigures } from "./read";
import type { SeedFigures } from "./seed";
import type { MemoryReport } from "./server";
import { ratio } from "./stats";
import { formatSweep, type SweepResults } from "./sweep-report";
import { cpu, int, ms, table, times as x } from "./table";
import type { WriteFigures } from "./write";

export interface BenchResults {
  meta: {
    database: "postgres" | "pglite";
    quick: boolean;
    startedAt: string;
    finishedAt: string;
    node: string;
    cpus: number;
    customers: number | null;
    transactionsPerCustomer: number;
    notes: string[];
  };
  write?: {
    concurrency: number;
    server: WriteFigures;
    floor: WriteFigures | null;
    /** server creates/s over floor creates/s; the target on PostgreSQL is ≥ 0.5. */
    ratio: number | null;
  };
  memory?: {
    /** Highest VmRSS sampled every 100 ms under the write load, in MiB; the target on PostgreSQL is < 150 (the hot-path issue; CONTRACT §7 measures it). */
    peakRssMiB: number;
    /** VmHWM at the end of the write load: the peak over the server's whole life, start-up included. */
    hwmMiB: number;
    startRssMiB: number;
    childrenPeakRssMiB: number;
    samples: number;
  };
  read?: {
    calls: number;
    concurrency: number;
    widgets: {
      action: string;
      name: string;
      server: ReadFigures;
      floor: ReadFigures | null;
      p50Ratio: number | null;
      /** The target on PostgreSQL: ≤ 1.5, and the server's p99 under 20 ms. */
      p99Ratio: number | null;
      floorNote: string | null;
    }[];
  };
  seed?: SeedFigures & { ratio: number | null };
  /** The cost of history: one customer per size, every widget and a write (CONTRACT §7). */
  sweep?: SweepResults;
  /** The write load again, a webhook endpoint receiving every customer.created (CONTRACT §9). */
  events?: EventFigures;
}

const TARGETS = {
  writeRatio: 0.5,
  readP99Ratio: 1.5,
  readP99Ms: 20,
  seedRatio: 0.5,
  rssMiB: 150,
} as const;

const mib = (bytes: number): number => bytes / (1024 * 1024);

export function memoryFigures(report: MemoryReport): NonNullable<BenchResults["memory"]> {
  return {
    peakRssMiB: mib(report.peakRss),
    hwmMiB: mib(report.hwm),
    startRssMiB: mib(report.startRss),
    childrenPeakRssMiB: mib(report.peakChildrenRss),
    samples: report.samples,
  };
}

/** CPU milliseconds per operation: the server process, the bench process, the database backends. */
const costCells = (c: PhaseCost | undefined) => [
  cpu(c?.serverCpuMs),
  cpu(c?.benchCpuMs),
  cpu(c?.databaseCpuMs),
];
const COST_HEADERS = ["server CPU", "bench CPU", "db CPU"];

/** On PostgreSQL, whether a figure meets its target; PGlite has no targets. */
function verdict(results: BenchResults, met: boolean | null): string {
  if (results.meta.database !== "postgres" || met === null) return "";
  return met ? "meets" : "SHORT";
}

/** The printed table: every figure beside its floor, the ratio, and (on PostgreSQL) the target. */
export function formatResults(results: BenchResults): string {
  const out: string[] = [];
  const { meta } = results;
  out.push(
    `Account360 bench on ${meta.database === "postgres" ? "PostgreSQL" : "PGlite"}${meta.quick ? " (--quick)" : ""}, node ${meta.node}, ${meta.cpus} CPUs`,
  );
  for (const note of meta.notes) out.push(`  note: ${note}`);

  if (results.write) {
    const w = results.write;
    out.push(
      "",
      `WRITE  FTOS_ACC_CB_AddUpdateIndividualCustomer creates/s at ${w.concurrency} concurrent (target ≥ ${TARGETS.writeRatio} of floor)`,
    );
    out.push(
      table([
        ["", "creates/s", "ok", "failed", "p50 ms", "p99 ms", ...COST_HEADERS, "ratio", ""],
        [
          "callAction over HTTP",
          int(w.server.perSecond),
          int(w.server.ok),
          int(w.server.failed),
          ms(w.server.latency.p50),
          ms(w.server.latency.p99),
          ...costCells(w.server.cost),
          x(w.ratio),
          verdict(results, w.ratio === null ? null : w.ratio >= TARGETS.writeRatio),
        ],
        ...(w.floor
          ? [
              [
                "floor: same INSERT via driver",
                int(w.floor.perSecond),
                int(w.floor.ok),
                int(w.floor.failed),
                ms(w.floor.latency.p50),
                ms(w.floor.latency.p99),
                ...costCells(w.floor.cost),
                "",
                "",
              ],
            ]
          : []),
      ]),
    );
    for (const e of [...w.server.errors, ...(w.floor?.errors ?? [])]) out.push(`  error: ${e}`);
  }
  if (results.events) {
    const e = results.events;
    out.push(
      "",
      "EVENTS  the write load with a webhook endpoint receiving every customer.created (commit → receiver)",
      table([
        ["", "creates/s", "delivered", "delivered/s", "p50 ms", "p99 ms", "max ms", "drain s", "missing"],
        [
          "webhooks under the write load",
          int(e.writes.perSecond),
          int(e.delivered),
          int(e.deliveredPerSecond),
          ms(e.latency.p50),
          ms(e.latency.p99),
          ms(e.latency.max),
          e.drainSeconds.toFixed(1),
          int(e.missing),
        ],
      ]),
    );
  }
  if (results.memory) {
    const m = results.memory;
    out.push("", `MEMORY server process under the write load (target < ${TARGETS.rssMiB} MiB)`);
    out.push(
      table([
        ["", "MiB", ""],
        [
          "peak VmRSS (sampled every 100 ms)",
          m.peakRssMiB.toFixed(1),
          verdict(results, m.peakRssMiB < TARGETS.rssMiB),
        ],
        ["VmHWM (whole life, start-up included)", m.hwmMiB.toFixed(1), ""],
        ["VmRSS when the load started", m.startRssMiB.toFixed(1), ""],
        ["child processes' peak VmRSS", m.childrenPeakRssMiB.toFixed(1), ""],
      ]),
    );
  }
  if (results.read) {
    const r = results.read;
    out.push(
      "",
      `READ   ${int(r.calls)} callAction calls per widget at ${r.concurrency} concurrent, random customers (target p99 ≤ ${TARGETS.readP99Ratio}× floor and < ${TARGETS.readP99Ms} ms)`,
    );
    out.push(
      table([
        ["widget", "p50 ms", "p99 ms", "floor p50", "floor p99", "p50 ratio", "p99 ratio", "failed", ""],
        ...r.widgets.map((w) => [
          w.name,
          ms(w.server.latency.p50),
          ms(w.server.latency.p99),
          ms(w.floor?.latency.p50),
          ms(w.floor?.latency.p99),
          x(w.p50Ratio),
          x(w.p99Ratio),
          int(w.server.failed + (w.floor?.failed ?? 0)),
          verdict(
            results,
            w.p99Ratio === null
              ? null
              : w.p99Ratio <= TARGETS.readP99Ratio && w.server.latency.p99 < TARGETS.readP99Ms,
          ),
        ]),
      ]),
    );
    for (const w of r.widgets)
      for (const e of [...w.server.errors, ...(w.floor?.errors ?? [])]) out.push(`  error (${w.name}): ${e}`);
    out.push("", "       CPU ms per call (see below), then the floor's");
    out.push(
      table([
        ["widget", ...COST_HEADERS, "floor: bench CPU", "db CPU"],
        ...r.widgets.map((w) => [w.name, ...costCells(w.server.cost), ...costCells(w.floor?.cost).slice(1)]),
      ]),
    );
  }
  if (results.seed) {
    const s = results.seed;
    out.push("", `SEED   rows/s loaded (target ≥ ${TARGETS.seedRatio} of COPY)`);
    out.push(
      table([
        ["", "rows", "seconds", "rows/s", "ratio", ""],
        [
          "seeder (generation included)",
          int(s.seeder.rows),
          s.seeder.seconds.toFixed(2),
          int(s.seeder.perSecond),
          x(s.ratio),
          verdict(results, s.ratio === null ? null : s.ratio >= TARGETS.seedRatio),
        ],
        ...(s.copy
          ? [
              [
                "floor: COPY of the same rows",
                int(s.copy.rows),
                s.copy.seconds.toFixed(2),
                int(s.copy.perSecond),
                "",
                "",
              ],
            ]
          : []),
      ]),
    );
  }
  if (results.sweep) out.push(...formatSweep(results.sweep, meta.database));
  out.push(
    "",
    "CPU columns: milliseconds of CPU per operation, from /proc over the measured phase: the server process, this bench process (load generator; driver for the floors), the PostgreSQL backends of the bench database (on PGlite the database is inside the server or bench process).",
  );
  return out.join("\n");
}

export const seedRatio = (s: SeedFigures) => ratio(s.seeder.perSecond, s.copy?.perSecond);
