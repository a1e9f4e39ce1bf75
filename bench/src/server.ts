import { type ChildProcess, spawn } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { REPO_ROOT, SERVER_NODE_ARGS } from "@account360/bridge/server-command";

export interface ServerOptions {
  /** PostgreSQL URL, or undefined for PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string | undefined;
  /** The server's stdout and stderr go here (its access log: one line per request at the default level). */
  logFile: string;
  /** Run with --cpu-prof, writing the profile here when the server exits. */
  profileDir: string | null;
}

export interface BenchServer {
  url: string;
  pid: number;
  /** SIGTERM, then wait for the exit (the server drains and closes its database). */
  stop(): Promise<number | null>;
  kill(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * The real one-process server as a child process, run exactly as `pnpm start` runs it: the
 * built bundle (apps/bridge/dist/main.js) under plain node with the same flags, so its memory
 * and CPU are production's. Resolves once /readyz answers 200.
 */
export async function startBenchServer(options: ServerOptions): Promise<BenchServer> {
  const port = await freePort();
  const log = openSync(options.logFile, "a");
  const profile = options.profileDir ? ["--cpu-prof", "--cpu-prof-dir", options.profileDir] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...SERVER_NODE_ARGS], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl ?? "",
      PGLITE_DIR: options.pgliteDir ?? "",
    },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited during start (code ${child.exitCode}); see ${options.logFile}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server was not ready within 120 s; see ${options.logFile}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** Resident memory of a process in bytes: VmRSS now and VmHWM (its peak since it started). */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rss: kb("VmRSS") * 1024, hwm: kb("VmHWM") * 1024 };
  } catch {
    return null;
  }
}

/** The pids a process started, from /proc (none is expected: the bundle needs no esbuild service). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(join(`/proc/${pid}/task`, task, "children"), "utf8")
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

export interface MemoryReport {
  /** The highest VmRSS seen while sampling. */
  peakRss: number;
  /** VmHWM when sampling stopped: the peak over the whole life of the process, start-up included. */
  hwm: number;
  /** VmRSS when sampling started. */
  startRss: number;
  /** The highest summed VmRSS of the process's children. */
  peakChildrenRss: number;
  samples: number;
}

/** Samples a process's memory every `everyMs` until `stop()` is called. */
export function sampleMemory(pid: number, everyMs = 100): { stop(): MemoryReport } {
  const first = memoryOf(pid);
  const report: MemoryReport = {
    peakRss: first?.rss ?? 0,
    hwm: first?.hwm ?? 0,
    startRss: first?.rss ?? 0,
    peakChildrenRss: 0,
    samples: first ? 1 : 0,
  };
  const take = () => {
    const now = memoryOf(pid);
    if (!now) return;
    report.samples++;
    report.peakRss = Math.max(report.peakRss, now.rss);
    report.hwm = Math.max(report.hwm, now.hwm);
    const children = childrenOf(pid).reduce((sum, child) => sum + (memoryOf(child)?.rss ?? 0), 0);
    report.peakChildrenRss = Math.max(report.peakChildrenRss, children);
  };
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return report;
    },
  };
}
