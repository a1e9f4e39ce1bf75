import { describe, expect, it } from "vitest";
import type { PhaseCost } from "./cpu";
import type { ReadFigures } from "./read";
import { formatResults } from "./report";
import { type SweepRun, sweepResultsOf } from "./sweep";
import type { LoadedSweepCustomer } from "./sweep-data";
import { formatSweep } from "./sweep-report";
import { testDates } from "./test-clock";
import { WIDGETS } from "./widgets";
import type { WriteFigures } from "./write";

const cost: PhaseCost = { serverCpuMs: 0.5, benchCpuMs: 0.1, databaseCpuMs: 0.2 };
const read = (p50: number, p99: number, errors: string[] = [], databaseCpuMs = 0.2): ReadFigures => ({
  latency: { count: 10, p50, p99, mean: p50, max: p99 },
  failed: errors.length,
  errors,
  cost: { ...cost, databaseCpuMs },
});
/** A floor runs in the bench process: no server. */
const onDriver = (f: ReadFigures): ReadFigures => ({ ...f, cost: { ...f.cost, serverCpuMs: null } });
const write = (perSecond: number, p99: number): WriteFigures => ({
  perSecond,
  ok: perSecond * 2,
  failed: 0,
  seconds: 2,
  latency: { count: perSecond * 2, p50: p99 / 2, p99, mean: p99 / 2, max: p99 },
  errors: [],
  cost,
});

const customers: LoadedSweepCustomer[] = [200, 20_000].map((size, k) => ({
  size,
  index: k,
  customerId: `customer-${k}`,
  rows: { transactions: size, instalments: size / 4, contracts: 5, agreements: 6, profitability_values: 40 },
  cardContractNo: `CC-${k}`,
}));
const run: SweepRun = {
  sizes: [200, 20_000],
  reads: 10,
  warmupReads: 1,
  readConcurrency: 1,
  writeConcurrency: 32,
  writeSeconds: 2,
  seed: 1,
  dates: testDates,
  userName: "bench",
  prefix: "SWEEP-T-",
};
const widgets = WIDGETS.slice(0, 2);
// lifecycle: 2 ms → 3 ms at p99 (1.5×); flags: 2 ms → 10 ms (5×), and one failed call.
const server = {
  reads: [
    [read(1, 2), read(1.5, 3)],
    [read(1, 2), read(4, 10, ["HTTP 500: boom"], 2.3)],
  ],
  writes: [write(1000, 40), write(900, 50)],
};
const floor = {
  reads: [[read(0.2, 1), read(0.3, 1.5)].map(onDriver), [read(0.2, 1), read(0.5, 2)].map(onDriver)],
  writes: [write(4000, 10), write(4000, 12)],
};

describe("sweepResultsOf", () => {
  it("puts each figure beside its floor and measures growth from the smallest size to the largest", () => {
    const results = sweepResultsOf(widgets, customers, run, server, floor);
    expect(results.sizes).toEqual([200, 20_000]);
    const [lifecycle, flags] = results.widgets;
    expect(lifecycle).toMatchObject({ name: "lifecycle", p99Growth: 1.5, floorP99Growth: 1.5 });
    expect(flags).toMatchObject({ name: "flags", p99Growth: 5, floorP99Growth: 2, floorCpuGrowth: 1 });
    expect(flags!.cpuGrowth).toBeCloseTo(4, 10);
    expect(flags!.sizes[1]!.p99Ratio).toBe(5);
    expect(results.write.sizes.map((s) => s.ratio)).toEqual([0.25, 0.225]);
    expect(results.write.p99Growth).toBe(1.25);
  });

  it("leaves the floors' side empty when they did not run", () => {
    const results = sweepResultsOf(widgets, customers, run, server, null);
    expect(results.widgets[0]!.sizes[0]).toMatchObject({ floor: null, p99Ratio: null });
    expect(results.widgets[0]!.floorP99Growth).toBeNull();
    expect(results.write.sizes[0]!.ratio).toBeNull();
  });
});

describe("formatSweep", () => {
  const results = sweepResultsOf(widgets, customers, run, server, floor);

  it("prints latencies by size, growth and, on PostgreSQL, the verdict against the 2× target", () => {
    const text = formatSweep(results, "postgres").join("\n");
    expect(text).toContain("target p99 at 20,000 ≤ 2× p99 at 200");
    expect(text).toContain("p99 20,000");
    expect(text).toMatch(/lifecycle +1\.00 +1\.50 +2\.00 +3\.00 +1\.50× +0 +meets/);
    expect(text).toMatch(/flags +1\.00 +4\.00 +2\.00 +10\.0 +5\.00× +1 +SHORT/);
    expect(text).toContain("error (flags at 20,000): HTTP 500: boom");
    expect(text).toMatch(/20,000 +900 +25\.0 +50\.0 +4,000 +6\.00 +12\.0 +0\.23×/);
    expect(text).toContain("20,000: 5,000 instalments, 5 contracts");
    expect(text).toMatch(/flags +0\.70 +2\.80 +4\.00× +0\.30 +0\.30 +1\.00×/);
  });

  it("gives no verdict on PGlite, and dashes for floors that did not run", () => {
    const text = formatSweep(sweepResultsOf(widgets, customers, run, server, null), "pglite").join("\n");
    expect(text).not.toMatch(/meets|SHORT/);
    expect(text).toMatch(/lifecycle +— +— +— +— +—/);
  });

  it("is a section of the whole report, before the note on CPU columns", () => {
    const text = formatResults({
      meta: {
        database: "postgres",
        quick: true,
        startedAt: "",
        finishedAt: "",
        node: "v20",
        cpus: 2,
        customers: 10,
        transactionsPerCustomer: 200,
        notes: [],
      },
      sweep: results,
    });
    expect(text.indexOf("SWEEP")).toBeGreaterThan(0);
    expect(text.indexOf("SWEEP")).toBeLessThan(text.indexOf("CPU columns"));
  });
});
