import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { runLoad } from "./load";

describe("runLoad", () => {
  it("runs exactly `count` operations, never more than `concurrency` at once", async () => {
    let inFlight = 0;
    let most = 0;
    const seen = new Set<number>();
    const result = await runLoad({ concurrency: 4, count: 50 }, async (i) => {
      seen.add(i);
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(1);
      inFlight--;
    });
    expect(result.ok).toBe(50);
    expect(result.latencies).toHaveLength(50);
    expect(seen.size).toBe(50);
    expect(most).toBe(4);
  });

  it("stops starting operations when the time is up", async () => {
    const result = await runLoad({ concurrency: 2, seconds: 0.2 }, () => sleep(20));
    expect(result.elapsed).toBeGreaterThanOrEqual(0.2);
    expect(result.elapsed).toBeLessThan(1);
    expect(result.ok).toBeGreaterThan(5);
  });

  it("counts failures apart and keeps a few of their messages", async () => {
    const result = await runLoad({ concurrency: 3, count: 20 }, async (i) => {
      if (i % 2 === 0) throw new Error(`boom ${i}`);
    });
    expect(result).toMatchObject({ ok: 10, failed: 10 });
    expect(result.latencies).toHaveLength(10);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.length).toBeLessThanOrEqual(5);
    expect(result.errors[0]).toMatch(/^boom \d+$/);
  });

  it("reports each operation as it ends, failed ones too, for progress", async () => {
    let done = 0;
    const result = await runLoad({ concurrency: 3, count: 12, onDone: () => done++ }, async (i) => {
      if (i === 5) throw new Error("boom");
    });
    expect(result.ok + result.failed).toBe(12);
    expect(done).toBe(12);
  });
});
