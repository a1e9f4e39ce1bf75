/**
 * Where progress goes: stderr by default, so stdout stays free for what a command answers
 * (`pnpm seed --json`, the benchmark figures, the server's JSON logs).
 */
export interface ProgressOutput {
  readonly isTTY?: boolean | undefined;
  /** A live line wider than the terminal wraps, and a wrapped line cannot be redrawn in place. */
  readonly columns?: number | undefined;
  write(text: string): unknown;
}

export interface ProgressOptions {
  output?: ProgressOutput | undefined;
  /** Milliseconds on any monotonic clock; tests pass their own. */
  now?: (() => number) | undefined;
  /** How often the clock moves a step along by itself (spinner, elapsed time, timed bars); 0 never. */
  tickMs?: number | undefined;
}

interface StepOptions {
  /** How long the step takes (a timed load): its bar follows the clock. */
  seconds?: number | undefined;
}

export interface Progress {
  /** True on a terminal: one line redrawn in place. False: plain lines for logs and pipes. */
  readonly live: boolean;
  /** A new step: on a terminal the live line shows it; otherwise one line `name: label…`. */
  step(label: string, options?: StepOptions): void;
  /** How far the step is, 0 to 1: a bar on a terminal; otherwise a line at each new tenth. */
  update(fraction: number, detail?: string): void;
  /**
   * Something moved (an operation ended): redraws when due. A loop that never yields to timers
   * (queries to an in-process PGlite resolve without one) keeps the clock from moving a timed
   * step's bar; calling this from the loop moves it.
   */
  tick(): void;
  /** Text that stays (a message, a result): the live line gives way and comes back after it. */
  print(text: string): void;
  /** Another write to the same terminal (a log line on stdout), with the live line out of its way. */
  around(write: () => void): void;
  /** Ends the step; `summary` stays as the line `name: summary`. */
  end(summary?: string): void;
}

const SPINNER = ["|", "/", "-", "\\"];
const BAR_WIDTH = 24;
const REDRAW_EVERY_MS = 100;

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}

const percent = (fraction: number) => Math.floor(clamp(fraction) * 100);
const clamp = (fraction: number) => (Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0);

/**
 * Progress of a command that takes a while, named by `name` (`seed`, `bench`, `start`): a line
 * redrawn in place on a terminal, plain lines otherwise, so a CI log shows where a run got to
 * and a person at a terminal sees it move.
 */
export function createProgress(name: string, options: ProgressOptions = {}): Progress {
  const output = options.output ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const tickMs = options.tickMs ?? 200;
  const live = output.isTTY === true;

  let active = false;
  let label = "";
  let detail = "";
  let fraction: number | null = null;
  let seconds: number | null = null;
  let startedAt = now();
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  let lastTenth = -1;
  let frame = 0;
  let drawn = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const currentFraction = () =>
    fraction ?? (seconds !== null ? clamp((now() - startedAt) / (seconds * 1000)) : null);

  function liveLine(): string {
    const parts = [`${name}:`];
    if (label) parts.push(label);
    const f = currentFraction();
    if (f === null) {
      parts.push(SPINNER[frame % SPINNER.length]!);
    } else {
      const filled = Math.round(clamp(f) * BAR_WIDTH);
      parts.push(
        `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${String(percent(f)).padStart(3)}%`,
      );
    }
    if (detail) parts.push(detail);
    parts.push(formatElapsed(now() - startedAt));
    const line = parts.join(" ");
    const width = (output.columns ?? 0) > 1 ? output.columns! - 1 : Number.POSITIVE_INFINITY;
    return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line;
  }

  function draw() {
    lastDrawAt = now();
    output.write(`\r${liveLine()}\x1b[K`);
    drawn = true;
  }

  function clear() {
    if (!drawn) return;
    output.write("\r\x1b[K");
    drawn = false;
  }

  function plainTenth(f: number) {
    const tenth = Math.floor(clamp(f) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    output.write(`${name}: ${label ? `${label}: ` : ""}${tenth * 10}%${detail ? ` ${detail}` : ""}\n`);
  }

  function tick(throttled: boolean) {
    if (!active) return;
    if (live) {
      if (throttled && now() - lastDrawAt < REDRAW_EVERY_MS) return;
      frame++;
      draw();
    } else if (seconds !== null && fraction === null) plainTenth(currentFraction() ?? 0);
  }

  function stopTimer() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function begin(newLabel: string, stepSeconds: number | null) {
    stopTimer();
    active = true;
    label = newLabel;
    detail = "";
    fraction = null;
    seconds = stepSeconds;
    startedAt = now();
    lastTenth = -1;
    // The clock only matters where it shows: a terminal, or a timed step in a log.
    if (tickMs > 0 && (live || seconds !== null)) {
      timer = setInterval(() => tick(false), tickMs);
      timer.unref();
    }
  }

  return {
    live,
    step(newLabel, stepOptions) {
      begin(newLabel, stepOptions?.seconds ?? null);
      if (live) draw();
      else output.write(`${name}: ${newLabel}…\n`);
    },
    update(f, newDetail) {
      if (!active) {
        // Progress without a named step (the seed's one bar) counts its time from the start.
        const since = startedAt;
        begin("", null);
        startedAt = since;
      }
      fraction = clamp(f);
      detail = newDetail ?? "";
      if (!live) return plainTenth(fraction);
      if (now() - lastDrawAt >= REDRAW_EVERY_MS || fraction >= 1) draw();
    },
    tick: () => tick(true),
    print(text) {
      clear();
      output.write(text.endsWith("\n") ? text : `${text}\n`);
      if (active && live) draw();
    },
    around(write) {
      clear();
      try {
        write();
      } finally {
        if (active && live) draw();
      }
    },
    end(summary) {
      stopTimer();
      clear();
      active = false;
      if (summary) output.write(`${name}: ${summary}\n`);
    },
  };
}
