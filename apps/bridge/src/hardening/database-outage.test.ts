import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  CALL_ACTION,
  createCustomer,
  type EnvelopeBody,
  envelope,
  type HardenedServer,
  send,
  startHardenedServer,
} from "../test/hardening/harness";
import { samples } from "../test/hardening/samples";

/**
 * Issue 12 item 7: the database drops the server's connections under load (PostgreSQL's
 * `pg_terminate_backend`, as a failover or an administrator does). Every answer is then either
 * the action's own or CONTRACT §3's 503 with `Retry-After`, never a 500; and the pool recovers at
 * once, so the calls after the outage all succeed. PGlite runs in the process: it has no
 * connection to lose.
 *
 * postgres.js 3.4.9 crashed the process here (an uncaught TypeError in its deferred socket write
 * after the socket closed; porsager/postgres#1154, #1208), and once that was guarded, left about
 * every second run with a request that never got an answer: a closed session's query and error
 * response answered for the reconnected session's first query, and a dead transaction's rollback
 * went to the next session. patches/postgres@3.4.9.patch fixes all three.
 */

const WORKERS = 8;
const LOAD_MS = 3_000;
const KILL_AT_MS = [800, 1_800];
let server: HardenedServer;
let token = "";
let customerId = "";

/**
 * Every call has a deadline: a request the pool lost track of (postgres.js 3.4.9 let a closed
 * session's state answer for the next one's first query) fails the test by name, not by timeout.
 */
const ANSWER_WITHIN_MS = 10_000;
const answered = (call: Promise<Answer>, what: string) =>
  Promise.race([
    call,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: no answer within ${ANSWER_WITHIN_MS} ms`)),
        ANSWER_WITHIN_MS,
      ).unref(),
    ),
  ]);

const callAction = (action: string, data: unknown) =>
  answered(
    send(server.url, {
      path: CALL_ACTION,
      body: envelope(action, data, { UserName: "outage.writer", Token: token }),
    }),
    action,
  );

const readHeader = () => callAction("FTOS_ACC_AccountHeader", { customerInternalId: customerId });
const customerWithEmail = (n: number) => ({
  CustomerInfo: { ...samples.customer("OUTAGE-1").CustomerInfo, email: `outage.${n}@example.com` },
});
const writeEmail = (n: number) => callAction("FTOS_ACC_CB_AddUpdateIndividualCustomer", customerWithEmail(n));
/** The same write through tRPC, whose 503 must say when to retry too. */
const writeEmailOverTrpc = (n: number) =>
  answered(
    send(server.url, {
      path: "/trpc/customers.upsertIndividual",
      body: JSON.stringify(customerWithEmail(n)),
      headers: { authorization: `Bearer ${token}` },
    }),
    "customers.upsertIndividual",
  );

/** Ends every connection to the server's database but the one that asks; answers how many. */
async function dropServerConnections(): Promise<number> {
  const [row] = await server.query<{ dropped: number }>(
    `select count(*) filter (where pg_terminate_backend(pid))::int as dropped
       from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return row?.dropped ?? 0;
}

describe.runIf(process.env.DATABASE_URL)("when PostgreSQL drops the server's connections mid-load", () => {
  beforeAll(async () => {
    server = await startHardenedServer({ DB_POOL_SIZE: "6" });
    token = await server.userToken("outage.writer", ["writer", "reader"]);
    customerId = await createCustomer(server, "OUTAGE-1", { UserName: "outage.writer", Token: token });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("answers 200 or 503 with Retry-After during the outage, and every call after it succeeds", async () => {
    const answers: Answer[] = [];
    const overTrpc: Answer[] = [];
    const started = Date.now();
    let n = 0;
    const worker = async (index: number) => {
      while (Date.now() - started < LOAD_MS) {
        if (index === 0) overTrpc.push(await writeEmailOverTrpc(++n));
        else answers.push(index % 2 === 0 ? await readHeader() : await writeEmail(++n));
      }
    };
    const kills = KILL_AT_MS.map(
      (at) =>
        new Promise<number>((resolve, reject) =>
          setTimeout(() => dropServerConnections().then(resolve, reject), at),
        ),
    );
    await Promise.all([...Array.from({ length: WORKERS }, (_, i) => worker(i)), ...kills]);
    const dropped = await Promise.all(kills);
    // The outage happened: connections of the server's pool were ended under load.
    expect(Math.min(...dropped)).toBeGreaterThan(0);

    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    for (const answer of answers.filter((a) => a.status === 503)) {
      expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
      const body = JSON.parse(answer.text) as EnvelopeBody;
      expect(body.Message).toMatch(/^Service Unavailable - /);
    }
    expect(overTrpc.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.text)).toEqual([]);
    for (const answer of overTrpc.filter((a) => a.status === 503)) {
      expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
    }
    console.info(
      `answers during the outage: callAction ${JSON.stringify(Object.fromEntries(statuses))}, tRPC ${overTrpc.filter((a) => a.status === 503).length} × 503 of ${overTrpc.length}`,
    );

    // Right after the outage: 100 calls, reads and writes, all answered by the recovered pool.
    const after: Answer[] = [];
    for (let round = 0; round < 10; round++) {
      after.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? readHeader() : writeEmail(++n))),
        )),
      );
    }
    expect(after.filter((a) => a.status !== 200).map((a) => a.text)).toEqual([]);
    // A last write is what the customer then holds: the pool answers reads and writes alike.
    expect((await writeEmail(++n)).status).toBe(200);
    const header = JSON.parse((await readHeader()).text) as EnvelopeBody;
    expect(header.UIResult.Data).toMatchObject({ email: `outage.${n}@example.com` });
  }, 60_000);
});
