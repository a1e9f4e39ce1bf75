import { describe, expect, it } from "vitest";
import { createProgress, formatElapsed } from "./progress";
import { isPlainText, asShown as screen } from "./testing";

/** A stream that records what was written, and a clock the test moves by hand. */
function fakeTerminal(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  let ms = 0;
  return {
    output: { isTTY, columns, write: (text: string) => writes.push(text) },
    now: () => ms,
    advance: (by: number) => {
      ms += by;
    },
    writes,
    text: () => writes.join(""),
  };
}

describe("progress on a terminal", () => {
  it("redraws one line in place: a bar with the percentage, the detail and the time taken", () => {
    const t = fakeTerminal(true);
    const progress = createProgress("seed", { output: t.output, now: t.now, tickMs: 0 });
    expect(progress.live).toBe(true);
    progress.update(0.1, "profiles 10/100 customers");
    t.advance(1_200);
    progress.update(0.5, "profiles 50/100 customers");
    expect(t.text()).not.toContain("\n");
    expect(screen(t.text())).toEqual([
      "seed: [############............]  50% profiles 50/100 customers 1.2 s",
    ]);
  });

  it("counts a bar without a named step from the moment the command started", () => {
    const t = fakeTerminal(true);
    const progress = createProgress("seed", { output: t.output, now: t.now, tickMs: 0 });
    t.advance(2_000);
    progress.update(0.5, "half");
    expect(screen(t.text())[0]).toMatch(/ half 2\.0 s$/);
  });

  it("draws no more than every 100 ms, but always the last 100%", () => {
    const t = fakeTerminal(true);
    const progress = createProgress("seed", { output: t.output, now: t.now, tickMs: 0 });
    progress.update(0.1);
    t.advance(10);
    progress.update(0.2);
    t.advance(10);
    progress.update(1);
    expect(t.writes.filter((w) => w.startsWith("\r"))).toHaveLength(2);
    expect(screen(t.text()).at(-1)).toMatch(/100%/);
  });

  it("shows a spinner and the time for a step of unknown length, and clears it at the end", () => {
    const t = fakeTerminal(true);
    const progress = createProgress("start", { output: t.output, now: t.now, tickMs: 0 });
    progress.step("opening the database");
    t.advance(2_300);
    progress.around(() => {});
    expect(screen(t.text())).toEqual(["start: opening the database | 2.3 s"]);
    progress.end();
    expect(screen(t.text())).toEqual([""]);
  });

  it("moves a timed step's bar with the clock", async () => {
    const t = fakeTerminal(true);
    const progress = createProgress("bench", { output: t.output, now: t.now, tickMs: 5 });
    progress.step("writes over HTTP", { seconds: 10 });
    t.advance(2_500);
    await new Promise((resolve) => setTimeout(resolve, 30));
    progress.end();
    expect(t.writes.some((w) => w.includes(" 25% "))).toBe(true);
  });

  it("moves a timed step's bar when the work ticks, where the timer cannot run", () => {
    const t = fakeTerminal(true);
    const progress = createProgress("bench", { output: t.output, now: t.now, tickMs: 0 });
    progress.step("write floor", { seconds: 4 });
    t.advance(50);
    progress.tick();
    t.advance(950);
    progress.tick();
    expect(t.writes.filter((w) => w.startsWith("\r"))).toHaveLength(2);
    expect(screen(t.text())[0]).toMatch(/^bench: write floor \[#{6}\.{18}\] {2}25% 1\.0 s$/);
  });

  it("keeps the live line out of the way of other output and of lines that stay", () => {
    const t = fakeTerminal(true);
    const progress = createProgress("start", { output: t.output, now: t.now, tickMs: 0 });
    progress.step("opening the database");
    progress.around(() => t.output.write('{"msg":"database ready"}\n'));
    progress.print("a message that stays");
    progress.end("ready");
    expect(screen(t.text())).toEqual([
      '{"msg":"database ready"}',
      "a message that stays",
      "start: ready",
      "",
    ]);
  });

  it("never lets the live line wrap on a narrow terminal", () => {
    const t = fakeTerminal(true, 30);
    const progress = createProgress("bench", { output: t.output, now: t.now, tickMs: 0 });
    progress.step("reads over HTTP: 2,000 calls per widget at 8 concurrent");
    const [line] = screen(t.text());
    expect(line!.length).toBeLessThanOrEqual(29);
    expect(line).toMatch(/^bench: reads over HTTP.*…$/);
  });
});

describe("progress in a log or a pipe", () => {
  it("writes plain lines, one at each new tenth, with no carriage return or escape", () => {
    const t = fakeTerminal(false);
    const progress = createProgress("seed", { output: t.output, now: t.now, tickMs: 0 });
    expect(progress.live).toBe(false);
    for (let i = 0; i <= 100; i++) progress.update(i / 100, `${i} customers`);
    progress.end("100 customers in 1.0 s");
    expect(isPlainText(t.text())).toBe(true);
    expect(t.text().trim().split("\n")).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((tenth) => `seed: ${tenth * 10}% ${tenth * 10} customers`),
      "seed: 100% 100 customers",
      "seed: 100 customers in 1.0 s",
    ]);
  });

  it("names each step on a line of its own", () => {
    const t = fakeTerminal(false);
    const progress = createProgress("bench", { output: t.output, now: t.now, tickMs: 0 });
    progress.step("starting the server");
    progress.step("reads over HTTP");
    progress.update(0.55, "1,100/2,000 calls");
    expect(t.text().split("\n")).toEqual([
      "bench: starting the server…",
      "bench: reads over HTTP…",
      "bench: reads over HTTP: 50% 1,100/2,000 calls",
      "",
    ]);
  });

  it("reports a timed step at each tenth when the work ticks", () => {
    const t = fakeTerminal(false);
    const progress = createProgress("bench", { output: t.output, now: t.now, tickMs: 0 });
    progress.step("write floor", { seconds: 1 });
    for (let i = 0; i < 10; i++) {
      t.advance(55);
      progress.tick();
    }
    expect(t.text().split("\n").slice(1, -1)).toEqual([
      "bench: write floor: 0%",
      "bench: write floor: 10%",
      "bench: write floor: 20%",
      "bench: write floor: 30%",
      "bench: write floor: 40%",
      "bench: write floor: 50%",
    ]);
  });

  it("reports a timed step at each tenth of its time", async () => {
    const t = fakeTerminal(false);
    const progress = createProgress("bench", { output: t.output, now: t.now, tickMs: 5 });
    progress.step("writes over HTTP", { seconds: 1 });
    t.advance(300);
    await new Promise((resolve) => setTimeout(resolve, 30));
    t.advance(400);
    await new Promise((resolve) => setTimeout(resolve, 30));
    progress.end();
    expect(t.text().split("\n")).toEqual([
      "bench: writes over HTTP…",
      "bench: writes over HTTP: 30%",
      "bench: writes over HTTP: 70%",
      "",
    ]);
  });
});

describe("formatElapsed", () => {
  it("gives tenths of a second under a minute, then minutes and seconds", () => {
    expect(formatElapsed(0)).toBe("0.0 s");
    expect(formatElapsed(12_345)).toBe("12.3 s");
    expect(formatElapsed(125_000)).toBe("2 min 05 s");
  });
});
