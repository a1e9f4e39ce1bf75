import { performance } from "node:perf_hooks";

export interface LoadOptions {
  concurrency: number;
  /** Stop starting operations after this many seconds… */
  seconds?: number | undefined;
  /** …or after this many operations, whichever comes first. */
  count?: number | undefined;
  /** Called as each operation ends, for progress. */
  onDone?: (() => void) | undefined;
}

export interface LoadResult {
  /** Operations that resolved. */
  ok: number;
  /** Operations that threw; the first few messages are kept. */
  failed: number;
  errors: string[];
  /** Milliseconds each resolved operation took, in completion order. */
  latencies: number[];
  /** Seconds from the first start to the last completion. */
  elapsed: number;
}

const KEPT_ERRORS = 5;

/**
 * A closed loop: `concurrency` workers each start the next operation as soon as their last one
 * ends, so the rate is what the system under test sustains rather than what the client offers.
 * `operation(i)` gets a run-wide sequence number.
 */
export async function runLoad(
  options: LoadOptions,
  operation: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const { concurrency, seconds, count, onDone } = options;
  if (seconds === undefined && count === undefined) throw new Error("runLoad needs seconds or count");
  const started = performance.now();
  const deadline = seconds === undefined ? Number.POSITIVE_INFINITY : started + seconds * 1000;
  const limit = count ?? Number.POSITIVE_INFINITY;
  const result: LoadResult = { ok: 0, failed: 0, errors: [], latencies: [], elapsed: 0 };
  let next = 0;

  async function worker(): Promise<void> {
    while (next < limit && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await operation(i);
        result.latencies.push(performance.now() - t0);
        result.ok++;
      } catch (error) {
        result.failed++;
        if (result.errors.length < KEPT_ERRORS)
          result.errors.push(error instanceof Error ? error.message : String(error));
      }
      onDone?.();
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  result.elapsed = (performance.now() - started) / 1000;
  return result;
}
