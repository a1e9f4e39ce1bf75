import { addUpdateIndividualCustomerAction } from "@account360/core";
import type { Pool } from "undici";
import type { PhaseCost } from "./cpu";
import { customerInfoOf } from "./customers";
import { callAction, envelopeOf } from "./http";
import { type LoadResult, runLoad } from "./load";
import type { SqlRunner } from "./sql-runner";
import { type LatencySummary, summarize } from "./stats";
import { createCustomerDirect } from "./write-floor";

export interface WriteFigures {
  perSecond: number;
  ok: number;
  failed: number;
  seconds: number;
  latency: LatencySummary;
  errors: string[];
  /** CPU and transactions per create. */
  cost: PhaseCost;
}

/** Starts counting a phase's costs; `stop` divides them by the operations done. */
export type Meter = () => Promise<{ stop(operations: number): Promise<PhaseCost> }>;

/**
 * A write phase: warm-up creates numbered under `${prefix}W` for the warm-up seconds, then the
 * measured creates under the run's own prefix.
 */
export async function warmedUpAndMeasured(
  run: WriteRun,
  meter: Meter,
  create: (prefix: string, i: number) => Promise<void>,
): Promise<WriteFigures> {
  await runLoad({ concurrency: run.concurrency, seconds: run.warmupSeconds, onDone: run.onDone }, (i) =>
    create(`${run.prefix}W`, i),
  );
  const cost = await meter();
  const load = await runLoad(
    { concurrency: run.concurrency, seconds: run.seconds, onDone: run.onDone },
    (i) => create(run.prefix, i),
  );
  return { ...figuresOf(load), cost: await cost.stop(load.ok) };
}

/** Sends one create over callAction; fails unless the server answers that it created the record. */
export async function createdOverHttp(pool: Pool, envelope: string): Promise<void> {
  const answer = await callAction(pool, envelope);
  const operation = (answer.UIResult?.Data as { operation?: string } | null)?.operation;
  if (operation !== "created") throw new Error(`expected a create, got ${operation}`);
}

const figuresOf = (load: LoadResult): Omit<WriteFigures, "cost"> => ({
  perSecond: load.ok / load.elapsed,
  ok: load.ok,
  failed: load.failed,
  seconds: load.elapsed,
  latency: summarize(load.latencies),
  errors: load.errors,
});

export interface WriteRun {
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  /** Keeps this run's and this side's UniqueIDs apart from every other. */
  prefix: string;
  /** Called as each create ends, warm-up included, for progress. */
  onDone?: (() => void) | undefined;
}

/** Creates over HTTP: every request a new customer, Data as a JSON string; each must answer `created`. */
export async function writeOverHttp(
  pool: Pool,
  run: WriteRun,
  credentials: { userName: string; token: string },
  meter: Meter,
): Promise<WriteFigures> {
  return warmedUpAndMeasured(run, meter, (prefix, i) =>
    createdOverHttp(
      pool,
      envelopeOf(
        addUpdateIndividualCustomerAction,
        { CustomerInfo: customerInfoOf(prefix, i) },
        credentials.userName,
        credentials.token,
      ),
    ),
  );
}

/** The same creates as the server's one statement, straight through the driver. */
export async function writeFloor(
  db: SqlRunner,
  run: WriteRun,
  userName: string,
  meter: Meter,
): Promise<WriteFigures> {
  return warmedUpAndMeasured(run, meter, (prefix, i) => createCustomerDirect(db, prefix, i, userName));
}
