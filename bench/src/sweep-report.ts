import type { ReadFigures } from "./read";
import { cpu, int, ms, table, times } from "./table";
import type { WriteFigures } from "./write";

/** Issue 11: each widget's p99 at the largest history within this factor of its p99 at the smallest. */
const SWEEP_P99_GROWTH_TARGET = 2;

export interface SweepResults {
  /** Rows of transactions, interactions and revenues of each sweep customer, ascending. */
  sizes: number[];
  reads: { calls: number; warmup: number; concurrency: number };
  customers: { size: number; customerId: string; rows: Record<string, number> }[];
  widgets: {
    action: string;
    name: string;
    floorNote: string | null;
    sizes: { size: number; server: ReadFigures; floor: ReadFigures | null; p99Ratio: number | null }[];
    /** p99 at the largest size over p99 at the smallest; the target is ≤ SWEEP_P99_GROWTH_TARGET. */
    p99Growth: number | null;
    floorP99Growth: number | null;
    /** The same growth of CPU per call (callCpuMs): the scan's signature, whatever else ran on the cores. */
    cpuGrowth: number | null;
    floorCpuGrowth: number | null;
  }[];
  write: {
    action: string;
    concurrency: number;
    seconds: number;
    sizes: { size: number; server: WriteFigures; floor: WriteFigures | null; ratio: number | null }[];
    p99Growth: number | null;
    floorP99Growth: number | null;
  };
}

const sizeText = (n: number) => n.toLocaleString("en-US");

/**
 * CPU milliseconds one call cost, wherever they were spent: the server process and the database
 * backends (on PGlite the database is inside the server, or inside the bench for the floors).
 */
export const callCpuMs = (f: ReadFigures | null | undefined): number | null => {
  if (!f) return null;
  const { serverCpuMs, benchCpuMs, databaseCpuMs } = f.cost;
  return (serverCpuMs ?? benchCpuMs) + (databaseCpuMs ?? 0);
};

/** On PostgreSQL, whether the growth meets the target; PGlite has no targets (as the rest of the report). */
const verdict = (database: string, growth: number | null) =>
  database !== "postgres" || growth === null ? "" : growth <= SWEEP_P99_GROWTH_TARGET ? "meets" : "SHORT";

/** The sweep's section of the printed report: the server's latencies by size, the floors', then the writes. */
export function formatSweep(sweep: SweepResults, database: string): string[] {
  const out: string[] = [];
  const sizes = sweep.sizes.map(sizeText);
  const first = sizes[0] ?? "";
  const last = sizes.at(-1) ?? "";
  const rows = sweep.customers
    .map((c) => {
      const r = c.rows;
      return `${sizeText(c.size)}: ${int(r.instalments)} instalments, ${int(r.contracts)} contracts, ${int(r.agreements)} agreements, ${int(r.profitability_values)} profitability values`;
    })
    .join("; ");
  out.push(
    "",
    `SWEEP  one customer's history at ${sizes.join(" / ")} transactions, interactions and revenues each; ${int(sweep.reads.calls)} callAction calls per widget and size, ${sweep.reads.concurrency} at a time (target p99 at ${last} ≤ ${SWEEP_P99_GROWTH_TARGET}× p99 at ${first})`,
    `       with it, in proportion: ${rows}`,
  );
  const latencyHeaders = (prefix: string) => [
    ...sizes.map((s) => `${prefix}p50 ${s}`),
    ...sizes.map((s) => `${prefix}p99 ${s}`),
  ];
  const latencyCells = (points: { latency: { p50: number; p99: number } }[]) => [
    ...points.map((p) => ms(p.latency.p50)),
    ...points.map((p) => ms(p.latency.p99)),
  ];
  out.push(
    table([
      ["widget", ...latencyHeaders(""), "growth", "failed", ""],
      ...sweep.widgets.map((w) => [
        w.name,
        ...latencyCells(w.sizes.map((p) => p.server)),
        times(w.p99Growth),
        int(w.sizes.reduce((n, p) => n + p.server.failed + (p.floor?.failed ?? 0), 0)),
        verdict(database, w.p99Growth),
      ]),
    ]),
  );
  for (const w of sweep.widgets)
    for (const p of w.sizes)
      for (const e of [...p.server.errors, ...(p.floor?.errors ?? [])])
        out.push(`  error (${w.name} at ${sizeText(p.size)}): ${e}`);

  out.push("", "       floors: the same hand-written SQL, prepared, on the same customers");
  out.push(
    table([
      ["widget", ...latencyHeaders("floor "), "growth", `p99 ratio at ${last}`],
      ...sweep.widgets.map((w) => {
        const floors = w.sizes.map((p) => p.floor);
        const known = floors.every((f) => f !== null);
        return [
          w.name,
          ...(known ? latencyCells(floors as ReadFigures[]) : floors.flatMap(() => ["—", "—"])),
          times(w.floorP99Growth),
          times(w.sizes.at(-1)?.p99Ratio),
        ];
      }),
    ]),
  );

  out.push(
    "",
    "       CPU ms per call (server + database; the floor's: driver + database), which unlike latency holds however busy the cores were",
  );
  out.push(
    table([
      ["widget", ...sizes.map((s) => `CPU ${s}`), "growth", ...sizes.map((s) => `floor ${s}`), "growth"],
      ...sweep.widgets.map((w) => [
        w.name,
        ...w.sizes.map((p) => cpu(callCpuMs(p.server))),
        times(w.cpuGrowth),
        ...w.sizes.map((p) => cpu(callCpuMs(p.floor))),
        times(w.floorCpuGrowth),
      ]),
    ]),
  );

  const write = sweep.write;
  out.push(
    "",
    `       writes: ${write.action} creates of that customer's agreements, ${write.seconds} s per size at ${write.concurrency} concurrent`,
  );
  out.push(
    table([
      [
        "history",
        "creates/s",
        "p50 ms",
        "p99 ms",
        "floor creates/s",
        "floor p50",
        "floor p99",
        "ratio",
        "failed",
      ],
      ...write.sizes.map((p) => [
        sizeText(p.size),
        int(p.server.perSecond),
        ms(p.server.latency.p50),
        ms(p.server.latency.p99),
        int(p.floor?.perSecond),
        ms(p.floor?.latency.p50),
        ms(p.floor?.latency.p99),
        times(p.ratio),
        int(p.server.failed + (p.floor?.failed ?? 0)),
      ]),
      ["p99 growth", "", "", times(write.p99Growth), "", "", times(write.floorP99Growth), "", ""],
    ]),
  );
  for (const p of write.sizes)
    for (const e of [...p.server.errors, ...(p.floor?.errors ?? [])])
      out.push(`  error (writes at ${sizeText(p.size)}): ${e}`);
  return out;
}
