import { describe, expect, it } from "vitest";
import { percentile, ratio, seededRandom, summarize } from "./stats";

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("takes the nearest rank", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });

  it("is NaN for no values", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize", () => {
  it("sorts numerically, not as text", () => {
    const s = summarize([10, 9, 100, 2, 1]);
    expect(s).toMatchObject({ count: 5, p50: 9, p99: 100, max: 100 });
    expect(s.mean).toBeCloseTo(24.4);
  });
});

describe("ratio", () => {
  it("divides, and is null without a usable floor", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, null)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
  });
});

describe("seededRandom", () => {
  it("repeats its series for one seed and differs between seeds", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seriesA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seriesA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seriesA);
    for (const value of seriesA) expect(value >= 0 && value < 1).toBe(true);
  });
});
