import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, rowsOf } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { buildServerBundle } from "../server-command";
import { loadCrashEnv } from "./env";
import { callAction, getToken, type ServerChild, startServerChild, userAdd } from "./processes";

/**
 * Crash safety (CONTRACT §1: "a write that was answered with success survives a crash of the
 * process (kill -9) on both databases"). For each database: create a user, start the real server,
 * send concurrent customer creates, SIGKILL the server mid-load, start it again on the same data,
 * and check that every create answered with success is there. Exits 1 on any loss. The server is
 * the built bundle `pnpm start` runs, built first through turbo (a cache hit when up to date).
 *
 *   node --import tsx tools/crash/crash-test.ts [pglite] [postgres]     (from apps/bridge)
 * CRASH_LOAD_MS (default 5000), CRASH_WORKERS (8), CRASH_DATABASE_URL (else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test: a fresh database is created there and dropped after).
 */

const { loadMs: LOAD_MS, workers: WORKERS, postgresUrl: PG_URL } = loadCrashEnv();
const USER = "crash.writer";
const PASSWORD = "crash-test-password-1";

interface Figures {
  database: string;
  acknowledged: number;
  unanswered: number;
  found: number;
  missing: number;
  restartMs: number;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Creates customers from WORKERS loops until `stop`; answers the ones acknowledged with success. */
async function writeLoad(server: ServerChild, token: string, tag: string, stop: Promise<void>) {
  const acknowledged = new Map<string, string>();
  let unanswered = 0;
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const worker = async (w: number) => {
    for (let n = 0; !stopped; n++) {
      const uniqueId = `CRASH-${tag}-${w}-${n}`;
      const answer = await callAction(
        server.url,
        { user: USER, token },
        "FTOS_ACC_CB_AddUpdateIndividualCustomer",
        {
          CustomerInfo: {
            firstName: "Crash",
            lastName: `Worker${w}`,
            UniqueID: uniqueId,
            email: `crash.${w}.${n}@example.ro`,
            mobilePhone: "+40712345678",
          },
        },
      ).catch(() => null);
      const data = (
        answer?.json?.UIResult as { Data?: { customerInternalId?: string; operation?: string } } | undefined
      )?.Data;
      if (
        answer?.status === 200 &&
        answer.json?.IsSuccess === true &&
        data?.operation === "created" &&
        data.customerInternalId
      ) {
        acknowledged.set(uniqueId, data.customerInternalId);
      } else if (!answer) {
        unanswered++; // cut off by the kill: may or may not have committed
        return;
      } else {
        throw new Error(
          `a create was refused before the crash: ${answer.status} ${JSON.stringify(answer.json)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { acknowledged, unanswered };
}

async function run(database: "pglite" | "postgres"): Promise<Figures> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "a360-crash-"));
  const pgliteDir = join(work, "pglite");
  const fresh = database === "postgres" ? await freshPostgres() : null;
  const env: Record<string, string> = fresh
    ? { DATABASE_URL: fresh.url }
    : { DATABASE_URL: "", PGLITE_DIR: pgliteDir };
  try {
    // The user goes straight into the database while no server runs.
    const added = await userAdd(env, USER, PASSWORD);
    check(added.code === 0, `pnpm user add failed before the start: ${added.output}`);

    const first = await startServerChild(env);
    const token = await getToken(first.url, USER, PASSWORD);
    let kill!: () => void;
    const killed = new Promise<void>((resolve) => {
      kill = resolve;
    });
    const load = writeLoad(first, token, database, killed);
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    first.child.kill("SIGKILL"); // mid-load: requests are in flight
    kill();
    const { acknowledged, unanswered } = await load;
    await first.exited;
    check(acknowledged.size > 0, "no write was acknowledged before the kill");

    if (database === "pglite") {
      const lock = readFileSync(`${pgliteDir}.lock`, "utf8");
      check(
        lock === String(first.child.pid),
        `the lock file holds ${lock}, not the killed pid ${first.child.pid}`,
      );
      check(
        lstatSync(`${pgliteDir}.admin.sock`).isSocket(),
        "the killed server left no admin socket file behind",
      );
    }

    const restartedAt = performance.now();
    const second = await startServerChild(env); // takes over the stale lock and the socket path
    const restartMs = Math.round(performance.now() - restartedAt);
    // The token issued before the crash is still valid: tokens live in the database.
    const after = await callAction(
      second.url,
      { user: USER, token },
      "FTOS_ACC_AccountClientLifecycle",
      null,
    );
    check(after.status === 200, `the pre-crash token was refused after the restart: ${after.status}`);
    // With the server running, `pnpm user add` goes through the replaced admin socket (PGlite).
    const viaSocket = await userAdd(env, "crash.second", PASSWORD);
    check(viaSocket.code === 0, `pnpm user add against the running server failed: ${viaSocket.output}`);
    await getToken(second.url, "crash.second", PASSWORD);

    // Every acknowledged customer answers through the API...
    const ids = [...acknowledged.values()];
    let missingViaApi = 0;
    for (let at = 0; at < ids.length; at += 16) {
      const answers = await Promise.all(
        ids.slice(at, at + 16).map((id) =>
          callAction(second.url, { user: USER, token }, "FTOS_ACC_AccountHeader", {
            customerInternalId: id,
          }),
        ),
      );
      missingViaApi += answers.filter((a) => a.status !== 200).length;
    }
    second.child.kill("SIGTERM");
    const code = await second.exited;
    check(code === 0, `the restarted server exited ${code} on SIGTERM:\n${second.output()}`);

    // ...and is in the database, read directly once the server is gone (which also proves it released the lock).
    const stored = await storedCustomers(database, pgliteDir, fresh?.url);
    const missing = [...acknowledged].filter(([uniqueId, id]) => stored.get(uniqueId.toUpperCase()) !== id); // stored upper-case
    for (const [uniqueId] of missing.slice(0, 10)) console.error(`  missing after restart: ${uniqueId}`);
    check(
      missingViaApi === missing.length,
      `the API misses ${missingViaApi}, the database ${missing.length}`,
    );
    const found = acknowledged.size - missing.length;
    console.info(
      `crash-test ${database}: ${acknowledged.size} creates acknowledged, ${unanswered} cut off by SIGKILL, ` +
        `${found} found after restart, ${missing.length} missing, ${stored.size - found} committed but unacknowledged; ` +
        `restart ${restartMs} ms, run ${Math.round((performance.now() - started) / 1000)} s`,
    );
    return {
      database,
      acknowledged: acknowledged.size,
      unanswered,
      found,
      missing: missing.length,
      restartMs,
    };
  } finally {
    await fresh?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function freshPostgres() {
  const handle = await openTestDatabase(PG_URL);
  return { url: handle.url as string, close: handle.close };
}

async function storedCustomers(
  database: string,
  pgliteDir: string,
  url?: string,
): Promise<Map<string, string>> {
  check(database === "postgres" || !existsSync(`${pgliteDir}.lock`), "SIGTERM left the PGlite lock behind");
  const handle = await openDatabase(database === "postgres" ? { url, maxConnections: 1 } : { pgliteDir });
  try {
    const rows = rowsOf<{ unique_id: string; id: string }>(
      await handle.db.execute(
        "select unique_id, id::text as id from customers where unique_id like 'CRASH-%'",
      ),
    );
    return new Map(rows.map((row) => [row.unique_id, row.id]));
  } finally {
    await handle.close();
  }
}

// PGlite's relaxedDurability (and start parameters of our own) would weaken what this test checks.
const opener = readFileSync(
  join(import.meta.dirname, "../../../../packages/storage/src/open-database.ts"),
  "utf8",
);
if (/relaxedDurability|startParams/.test(opener)) {
  console.error(
    "crash-test: open-database.ts sets relaxedDurability or startParams; durability is not the default",
  );
  process.exit(1);
}

buildServerBundle();
const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const databases = (wanted.length > 0 ? wanted : ["pglite", "postgres"]) as ("pglite" | "postgres")[];
let failed = false;
for (const database of databases) {
  try {
    const figures = await run(database);
    if (figures.missing > 0) failed = true;
  } catch (error) {
    failed = true;
    console.error(`crash-test ${database} FAILED: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
