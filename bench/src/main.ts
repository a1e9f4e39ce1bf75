import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createAuthService } from "@account360/api";
import { buildServerBundle, SERVER_NODE_ARGS } from "@account360/bridge/server-command";
import { argsOrExitCode } from "@account360/seed";
import { type BenchPlan, FULL_CUSTOMERS, parseBenchArgs, USAGE } from "./args";
import { startCostMeter } from "./cpu";
import { benchDatabaseUrl } from "./env";
import { eventsUnderWriteLoad } from "./events";
import { connectionPool, getToken } from "./http";
import { benchProgress } from "./progress";
import { readFloors, readsOverHttp } from "./read";
import { type BenchResults, formatResults, memoryFigures, seedRatio } from "./report";
import { copyFloor, runSeeder } from "./seed";
import { type BenchServer, sampleMemory, startBenchServer } from "./server";
import { runScript, sqlRunnerOf } from "./sql-runner";
import { ratio } from "./stats";
import {
  loadSweep,
  type SweepRun,
  type SweepSide,
  sweepFloors,
  sweepOverHttp,
  sweepResultsOf,
} from "./sweep";
import type { LoadedSweepCustomer } from "./sweep-data";
import { type BenchTarget, createTarget } from "./target";
import { readDatesOf, WIDGETS } from "./widgets";
import { writeFloor, writeOverHttp } from "./write";

const BENCH_USER = "bench";
const defaultOut = resolve(import.meta.dirname, "../results/latest.json");
const progress = benchProgress();
const log = (message: string) => progress.print(`bench: ${message}`);

/** Everything a run measures, in an order that keeps the sides apart: in-process, then the server, then the floors. */
async function runBench(plan: BenchPlan, target: BenchTarget, started: Date): Promise<BenchResults> {
  const { parts } = plan;
  const customers = plan.customers ?? FULL_CUSTOMERS[target.kind];
  const needsData = parts.has("seed") || parts.has("read") || parts.has("sweep");
  if (parts.has("write") || parts.has("read") || parts.has("sweep") || parts.has("events")) {
    // Before the seed, so an out-of-date or broken build shows at once, not after minutes.
    progress.step("building the server bundle");
    buildServerBundle();
  }
  const notes = [
    "the machine has 2 cores shared with other work (tests run beside it): figures are noisy, compare within one run",
    "the load generator, the server and the database share those cores; the floors share them with the load generator only",
  ];
  if (target.kind === "pglite") {
    notes.push(
      "PGlite is one connection in one process: concurrent requests queue on it, so latencies include that queue, on both sides",
    );
    if (needsData && plan.customers === null) {
      notes.push(`scaled down for PGlite: ${customers.toLocaleString("en-US")} customers instead of 10,000`);
    }
  }
  if (needsData)
    notes.push(
      `read set: ${customers.toLocaleString("en-US")} customers × ${plan.transactionsPerCustomer} transactions`,
    );
  if (parts.has("sweep"))
    notes.push(
      `sweep: one customer per size of history beside the read set; ${plan.sweep.readConcurrency} call at a time, so a latency is the call's own cost`,
    );
  if (plan.setupSql)
    notes.push(
      `${plan.setupSql} ran on the bench database before any measurement (statements not yet in a migration)`,
    );
  notes.push(
    `the server runs as \`pnpm start\` runs it, \`node ${SERVER_NODE_ARGS.join(" ")}\` (the built bundle, no TypeScript loader), at its default LOG_LEVEL (info, one line per request, to a file)`,
  );
  const results: BenchResults = {
    meta: {
      database: target.kind,
      quick: plan.quick,
      startedAt: started.toISOString(),
      finishedAt: "",
      node: process.version,
      cpus: cpus().length,
      customers: needsData ? customers : null,
      transactionsPerCustomer: plan.transactionsPerCustomer,
      notes,
    },
  };
  const dates = readDatesOf(started);
  const password = randomBytes(24).toString("base64url");
  const runTag = Date.now().toString(36).toUpperCase();
  const sweepRun: SweepRun = {
    ...plan.sweep,
    seed: plan.seed,
    dates,
    writeConcurrency: plan.writeConcurrency,
    userName: BENCH_USER,
    prefix: `SWEEP-${runTag}-`,
  };
  let sweepCustomers: LoadedSweepCustomer[] = [];
  let sweepServer: SweepSide | null = null;

  let handle = await target.open();
  try {
    if (needsData) {
      progress.step(
        `seeding ${customers.toLocaleString("en-US")} customers × ${plan.transactionsPerCustomer} transactions`,
      );
      const seeded = await runSeeder(handle, {
        customers,
        seed: plan.seed,
        anchor: dates.today,
        transactionsPerCustomer: plan.transactionsPerCustomer,
        onProgress: progress.seeding,
      });
      progress.end(
        `seeded ${seeded.figures.rows.toLocaleString("en-US")} rows in ${seeded.figures.seconds.toFixed(1)} s`,
      );
      if (parts.has("seed")) {
        progress.step("COPY floor: the same rows into an empty database");
        const copy = await copyFloor(handle, target);
        results.seed = { seeder: seeded.figures, copy, ratio: null };
        results.seed.ratio = seedRatio(results.seed);
        progress.end(`COPY floor: ${copy.rows.toLocaleString("en-US")} rows in ${copy.seconds.toFixed(1)} s`);
      }
      // After the COPY floor, which copies what the seeder stored and nothing else.
      if (parts.has("sweep")) {
        log(`loading the sweep's customers: ${plan.sweep.sizes.join(", ")} rows of history…`);
        sweepCustomers = await loadSweep(handle, sweepRun);
      }
    }
    if (plan.setupSql) {
      log(`running ${plan.setupSql}…`);
      await runScript(handle, readFileSync(plan.setupSql, "utf8"));
    }
    // Outside any timing: the read phases should not meet autovacuum's first pass over the load.
    if (needsData || plan.setupSql) {
      progress.step("vacuum analyze");
      await runScript(handle, "vacuum analyze");
    }
    const auth = createAuthService({ database: handle, tokenTtlSeconds: 3600 });
    // admin for the events part, which registers a webhook endpoint.
    await auth.addOrUpdateUser({ username: BENCH_USER, password, roles: ["writer", "reader", "admin"] });
  } finally {
    progress.end();
    await handle.close();
  }

  const writeRun = {
    seconds: plan.writeSeconds,
    warmupSeconds: plan.quick ? 0.5 : 1,
    concurrency: plan.writeConcurrency,
  };
  const readRun = {
    calls: plan.reads,
    warmup: plan.warmupReads,
    concurrency: plan.readConcurrency,
    seed: plan.seed,
    customers,
    dates,
  };
  if (!parts.has("write") && !parts.has("read") && !parts.has("sweep") && !parts.has("events"))
    return results;

  await target.checkpoint();
  progress.step("starting the server");
  const server = await startBenchServer({
    databaseUrl: target.url,
    pgliteDir: target.pgliteDir,
    logFile: join(target.workDir, "server.log"),
    profileDir: plan.profileDir,
  });
  running = server;
  try {
    const writePool = connectionPool(server.url, plan.writeConcurrency);
    const readPool = connectionPool(server.url, plan.readConcurrency);
    const meter = () => startCostMeter(server.pid, target.probe);
    try {
      const credentials = { userName: BENCH_USER, token: await getToken(writePool, BENCH_USER, password) };
      if (parts.has("write")) {
        progress.step(`writes over HTTP: ${plan.writeSeconds} s at ${plan.writeConcurrency} concurrent`, {
          seconds: writeRun.warmupSeconds + writeRun.seconds,
        });
        const memory = sampleMemory(server.pid);
        const figures = await writeOverHttp(
          writePool,
          { ...writeRun, prefix: `BENCH-${runTag}-H`, onDone: progress.tick },
          credentials,
          meter,
        );
        results.memory = memoryFigures(memory.stop());
        results.write = { concurrency: plan.writeConcurrency, server: figures, floor: null, ratio: null };
      }
      if (parts.has("events")) {
        progress.step(
          `writes over HTTP with a webhook endpoint: ${plan.writeSeconds} s at ${plan.writeConcurrency} concurrent`,
          {
            seconds: writeRun.seconds,
          },
        );
        results.events = await eventsUnderWriteLoad(
          writePool,
          { ...writeRun, prefix: `BENCH-${runTag}-E`, onDone: progress.tick },
          credentials,
          meter,
        );
      }
      if (parts.has("read")) {
        const onCall = progress.counted(
          `reads over HTTP: ${plan.reads} calls per widget at ${plan.readConcurrency} concurrent`,
          WIDGETS.length * (readRun.warmup + readRun.calls),
        );
        const figures = await readsOverHttp(readPool, WIDGETS, { ...readRun, onCall }, credentials, meter);
        results.read = {
          calls: plan.reads,
          concurrency: plan.readConcurrency,
          widgets: WIDGETS.map((w, i) => ({
            action: w.action,
            name: w.name,
            server: figures[i]!,
            floor: null,
            p50Ratio: null,
            p99Ratio: null,
            floorNote: w.note ?? null,
          })),
        };
      }
      if (parts.has("sweep")) {
        log(
          `sweep over HTTP: ${plan.sweep.reads} calls per widget and size, then ${plan.sweep.writeSeconds} s of writes per size…`,
        );
        const pools = { read: readPool, write: writePool };
        sweepServer = await sweepOverHttp(pools, WIDGETS, sweepCustomers, sweepRun, credentials, meter);
      }
    } finally {
      await Promise.all([writePool.close(), readPool.close()]);
    }
  } finally {
    progress.step("stopping the server");
    await server.stop();
    running = null;
  }

  // The floors run after the server has let go of the database (PGlite allows one process).
  handle = await target.open(plan.writeConcurrency);
  try {
    const db = sqlRunnerOf(handle);
    const meter = () => startCostMeter(null, target.probe);
    if (results.write) {
      await target.checkpoint();
      progress.step(`write floor: ${plan.writeSeconds} s at ${plan.writeConcurrency} concurrent`, {
        seconds: writeRun.warmupSeconds + writeRun.seconds,
      });
      const floor = await writeFloor(
        db,
        { ...writeRun, prefix: `BENCH-${runTag}-F`, onDone: progress.tick },
        BENCH_USER,
        meter,
      );
      results.write.floor = floor;
      results.write.ratio = ratio(results.write.server.perSecond, floor.perSecond);
    }
    if (results.read) {
      const onCall = progress.counted("read floors", WIDGETS.length * (readRun.warmup + readRun.calls));
      const floors = await readFloors(db, WIDGETS, { ...readRun, onCall }, meter);
      for (const [i, widget] of results.read.widgets.entries()) {
        const floor = floors[i]!;
        widget.floor = floor;
        widget.p50Ratio = ratio(widget.server.latency.p50, floor.latency.p50);
        widget.p99Ratio = ratio(widget.server.latency.p99, floor.latency.p99);
      }
    }
    if (sweepServer) {
      log("sweep floors…");
      const floors = await sweepFloors(handle, db, WIDGETS, sweepCustomers, sweepRun, meter);
      results.sweep = sweepResultsOf(WIDGETS, sweepCustomers, sweepRun, sweepServer, floors);
    }
  } finally {
    progress.end();
    await handle.close();
  }
  return results;
}

let running: BenchServer | null = null;

async function main(): Promise<number> {
  const plan = argsOrExitCode("bench", USAGE, parseBenchArgs, process.argv.slice(2));
  if (typeof plan === "number") return plan;
  const started = new Date();
  const target = await createTarget(benchDatabaseUrl());
  log(
    `${target.kind === "postgres" ? `PostgreSQL database ${new URL(target.url!).pathname.slice(1)}` : `PGlite in ${target.pgliteDir}`}`,
  );
  const interrupted = () => {
    progress.end();
    running?.kill();
    void target.remove().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  let results: BenchResults;
  try {
    results = await runBench(plan, target, started);
  } finally {
    progress.end();
    running?.kill();
    await target.remove();
  }
  results.meta.finishedAt = new Date().toISOString();
  const out = plan.out ? resolve(plan.out) : defaultOut;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\n\nwritten to ${out}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
