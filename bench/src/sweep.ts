import { addUpdateCustomerAgreementAction } from "@account360/core";
import type { DatabaseHandle } from "@account360/storage";
import type { Pool } from "undici";
import type { SweepPlan } from "./args";
import { callAction, envelopeOf } from "./http";
import { runLoad } from "./load";
import type { ReadFigures } from "./read";
import { runScript, type SqlRunner } from "./sql-runner";
import { ratio, summarize } from "./stats";
import { type LoadedSweepCustomer, loadSweepCustomers, sweepCustomersOf } from "./sweep-data";
import { callCpuMs, type SweepResults } from "./sweep-report";
import {
  agreementWriteFloor,
  agreementWritesOverHttp,
  removeWrittenAgreements,
  type WriteTarget,
} from "./sweep-write";
import type { ReadDates, Widget } from "./widgets";
import type { Meter, WriteFigures, WriteRun } from "./write";

/**
 * The cost of history (CONTRACT §7): every widget, and a write, on one customer per size of
 * history, over HTTP and then against its floor. For each widget the sizes run one right after
 * the other, so they meet the same load on the shared machine.
 */
export interface SweepRun extends SweepPlan {
  seed: number;
  dates: ReadDates;
  writeConcurrency: number;
  userName: string;
  /** The prefix of the externalIds of this run's agreements, which keeps them apart and findable. */
  prefix: string;
}

/** What one side measured: per widget, per size; and the writes per size. */
export interface SweepSide {
  reads: ReadFigures[][];
  writes: WriteFigures[];
}

/** Loads one customer per size beside the read set. */
export function loadSweep(handle: DatabaseHandle, run: SweepRun): Promise<LoadedSweepCustomer[]> {
  return loadSweepCustomers(handle, {
    seed: run.seed,
    anchor: run.dates.today,
    customers: sweepCustomersOf(run.seed, run.sizes),
  });
}

async function measureOne(run: SweepRun, meter: Meter, call: () => Promise<void>): Promise<ReadFigures> {
  await runLoad({ concurrency: run.readConcurrency, count: run.warmupReads }, call);
  const cost = await meter();
  const load = await runLoad({ concurrency: run.readConcurrency, count: run.reads }, call);
  return {
    latency: summarize(load.latencies),
    failed: load.failed,
    errors: load.errors,
    cost: await cost.stop(load.ok),
  };
}

const writeRunOf = (run: SweepRun, side: "H" | "F", size: number): WriteRun => ({
  seconds: run.writeSeconds,
  warmupSeconds: 1,
  concurrency: run.writeConcurrency,
  prefix: `${run.prefix}${side}${size}`,
});

const targetOf = (c: LoadedSweepCustomer, run: SweepRun): WriteTarget => ({
  customerId: c.customerId,
  cardContractNo: c.cardContractNo,
  today: run.dates.today,
});

/** The server's side, over HTTP. */
export async function sweepOverHttp(
  pools: { read: Pool; write: Pool },
  widgets: readonly Widget[],
  customers: readonly LoadedSweepCustomer[],
  run: SweepRun,
  credentials: { userName: string; token: string },
  meter: Meter,
): Promise<SweepSide> {
  const reads: ReadFigures[][] = [];
  for (const widget of widgets) {
    const perSize: ReadFigures[] = [];
    for (const customer of customers) {
      const data = widget.data(customer.customerId, run.dates);
      const envelope = envelopeOf(widget.action, data, credentials.userName, credentials.token);
      perSize.push(
        await measureOne(run, meter, async () => {
          await callAction(pools.read, envelope);
        }),
      );
    }
    reads.push(perSize);
  }
  const writes: WriteFigures[] = [];
  for (const customer of customers) {
    const target = targetOf(customer, run);
    writes.push(
      await agreementWritesOverHttp(
        pools.write,
        target,
        writeRunOf(run, "H", customer.size),
        credentials,
        meter,
      ),
    );
  }
  return { reads, writes };
}

/**
 * The floors, once the server has stopped. The writes' agreements go first, so the read floors
 * see the history the server's reads saw; the write floors come last.
 */
export async function sweepFloors(
  handle: DatabaseHandle,
  db: SqlRunner,
  widgets: readonly Widget[],
  customers: readonly LoadedSweepCustomer[],
  run: SweepRun,
  meter: Meter,
): Promise<SweepSide> {
  await removeWrittenAgreements(db, run.prefix);
  await runScript(handle, "vacuum analyze agreements");
  const reads: ReadFigures[][] = [];
  for (const widget of widgets) {
    const perSize: ReadFigures[] = [];
    for (const customer of customers) {
      const params = widget.floor.params(customer.customerId, run.dates);
      perSize.push(
        await measureOne(run, meter, async () => {
          const rows = await db.query(widget.floor.sql, params);
          if (rows.length === 0) throw new Error(`${widget.name}: customer ${customer.customerId} not found`);
        }),
      );
    }
    reads.push(perSize);
  }
  const writes: WriteFigures[] = [];
  for (const customer of customers) {
    const target = targetOf(customer, run);
    writes.push(
      await agreementWriteFloor(db, target, writeRunOf(run, "F", customer.size), run.userName, meter),
    );
  }
  return { reads, writes };
}

/** Growth from the smallest size to the largest: the figure the target is set on. */
const growth = (first: number | null | undefined, last: number | null | undefined) => ratio(last, first);

/** The results of the sweep: each figure beside its floor, and how the p99 grows with the history. */
export function sweepResultsOf(
  widgets: readonly Widget[],
  customers: readonly LoadedSweepCustomer[],
  run: SweepRun,
  server: SweepSide,
  floor: SweepSide | null,
): SweepResults {
  return {
    sizes: customers.map((c) => c.size),
    reads: { calls: run.reads, warmup: run.warmupReads, concurrency: run.readConcurrency },
    customers: customers.map((c) => ({ size: c.size, customerId: c.customerId, rows: c.rows })),
    widgets: widgets.map((w, i) => {
      const sizes = customers.map((c, s) => {
        const onServer = server.reads[i]![s]!;
        const onFloor = floor?.reads[i]?.[s] ?? null;
        return {
          size: c.size,
          server: onServer,
          floor: onFloor,
          p99Ratio: ratio(onServer.latency.p99, onFloor?.latency.p99),
        };
      });
      return {
        action: w.action,
        name: w.name,
        floorNote: w.note ?? null,
        sizes,
        p99Growth: growth(sizes[0]?.server.latency.p99, sizes.at(-1)?.server.latency.p99),
        floorP99Growth: growth(sizes[0]?.floor?.latency.p99, sizes.at(-1)?.floor?.latency.p99),
        cpuGrowth: growth(callCpuMs(sizes[0]?.server), callCpuMs(sizes.at(-1)?.server)),
        floorCpuGrowth: growth(callCpuMs(sizes[0]?.floor), callCpuMs(sizes.at(-1)?.floor)),
      };
    }),
    write: (() => {
      const sizes = customers.map((c, s) => {
        const onServer = server.writes[s]!;
        const onFloor = floor?.writes[s] ?? null;
        return {
          size: c.size,
          server: onServer,
          floor: onFloor,
          ratio: ratio(onServer.perSecond, onFloor?.perSecond),
        };
      });
      return {
        action: addUpdateCustomerAgreementAction,
        concurrency: run.writeConcurrency,
        seconds: run.writeSeconds,
        sizes,
        p99Growth: growth(sizes[0]?.server.latency.p99, sizes.at(-1)?.server.latency.p99),
        floorP99Growth: growth(sizes[0]?.floor?.latency.p99, sizes.at(-1)?.floor?.latency.p99),
      };
    })(),
  };
}
