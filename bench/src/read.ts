import { customerIdOf } from "@account360/seed";
import type { Pool } from "undici";
import type { PhaseCost } from "./cpu";
import { callAction, envelopeOf } from "./http";
import { runLoad } from "./load";
import type { SqlRunner } from "./sql-runner";
import { type LatencySummary, seededRandom, summarize } from "./stats";
import type { ReadDates, Widget } from "./widgets";
import type { Meter } from "./write";

export interface ReadRun {
  /** Measured calls per widget. */
  calls: number;
  warmup: number;
  concurrency: number;
  /** The seeded data set: customers are `customerIdOf(seed, 0 … customers-1)`. */
  seed: number;
  customers: number;
  dates: ReadDates;
  /** Called as each call ends, warm-up included, for progress. */
  onCall?: (() => void) | undefined;
}

export interface ReadFigures {
  latency: LatencySummary;
  failed: number;
  errors: string[];
  /** CPU and transactions per call. */
  cost: PhaseCost;
}

/**
 * The i-th customer of a widget's series: random over the data set, the same series for the
 * server and the floor, and a warm-up series apart from the measured one.
 */
function customersOf(run: ReadRun, widgetIndex: number, salt: number): (i: number) => string {
  const random = seededRandom(run.seed * 7919 + widgetIndex * 131 + salt);
  const ids: string[] = [];
  return (i) => {
    while (ids.length <= i) ids.push(customerIdOf(run.seed, Math.floor(random() * run.customers)));
    return ids[i]!;
  };
}

async function measure(
  run: ReadRun,
  widgetIndex: number,
  meter: Meter,
  call: (customerId: string) => Promise<void>,
): Promise<ReadFigures> {
  const warm = customersOf(run, widgetIndex, 1);
  const onDone = run.onCall;
  await runLoad({ concurrency: run.concurrency, count: run.warmup, onDone }, (i) => call(warm(i)));
  const measured = customersOf(run, widgetIndex, 0);
  const cost = await meter();
  const load = await runLoad({ concurrency: run.concurrency, count: run.calls, onDone }, (i) =>
    call(measured(i)),
  );
  return {
    latency: summarize(load.latencies),
    failed: load.failed,
    errors: load.errors,
    cost: await cost.stop(load.ok),
  };
}

/** Measures every widget in turn, in order: `callOf` gives the one call a widget makes per customer. */
async function measureEach(
  widgets: readonly Widget[],
  run: ReadRun,
  meter: Meter,
  callOf: (widget: Widget) => (customerId: string) => Promise<void>,
): Promise<ReadFigures[]> {
  const figures: ReadFigures[] = [];
  for (const [index, widget] of widgets.entries())
    figures.push(await measure(run, index, meter, callOf(widget)));
  return figures;
}

/** Every widget in turn over HTTP: Data as a JSON string, each answer a 200 with IsSuccess. */
export function readsOverHttp(
  pool: Pool,
  widgets: readonly Widget[],
  run: ReadRun,
  credentials: { userName: string; token: string },
  meter: Meter,
): Promise<ReadFigures[]> {
  return measureEach(widgets, run, meter, (widget) => async (customerId) => {
    const data = widget.data(customerId, run.dates);
    await callAction(pool, envelopeOf(widget.action, data, credentials.userName, credentials.token));
  });
}

/** Every widget's hand-written query, the same customers in the same order, straight through the driver. */
export function readFloors(
  db: SqlRunner,
  widgets: readonly Widget[],
  run: ReadRun,
  meter: Meter,
): Promise<ReadFigures[]> {
  return measureEach(widgets, run, meter, (widget) => async (customerId) => {
    const rows = await db.query(widget.floor.sql, widget.floor.params(customerId, run.dates));
    if (rows.length === 0) throw new Error(`${widget.name}: customer ${customerId} not found`);
  });
}
