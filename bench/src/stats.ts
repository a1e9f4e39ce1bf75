/** Latency figures of one measured series, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** The nearest-rank percentile (0 < p <= 100) of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const values = Array.from(sorted);
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    count: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    mean: values.length === 0 ? Number.NaN : total / values.length,
    max: values.length === 0 ? Number.NaN : values[values.length - 1]!,
  };
}

/** `measured / floor`, or null when either side is missing or the floor is zero. */
export function ratio(measured: number | null | undefined, floor: number | null | undefined): number | null {
  if (
    measured == null ||
    floor == null ||
    !Number.isFinite(measured) ||
    !Number.isFinite(floor) ||
    floor === 0
  ) {
    return null;
  }
  return measured / floor;
}

/** A small deterministic generator (mulberry32), so the server and its floor see the same customers in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
