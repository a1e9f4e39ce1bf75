import { execSync } from "node:child_process";
import { openTestDatabase } from "@account360/storage/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthService } from "./auth";
import { startServer } from "./boot";
import type { AppRouter } from "./router";
import { TEST_PASSWORD, testServerEnv } from "./test/test-users";

/**
 * CONTRACT §11 against a real hot standby: `.ci/replica` starts one and sets DATABASE_READ_URL
 * (and REPLICA_PG_CTL, how to stop it); without them this file is skipped.
 */
const standbyBase = process.env.DATABASE_READ_URL;
const standbyCtl = process.env.REPLICA_PG_CTL;
const enabled = Boolean(process.env.DATABASE_URL && standbyBase && standbyCtl);

type Running = Awaited<ReturnType<typeof startServer>>;
type Client = ReturnType<typeof clientFor>;

function clientFor(url: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Every widget the page opens, and search: the reads §11 sends to the standby. */
const everyRead = (c: Client, id: string) => {
  const range = { customerInternalId: id, startDate: day(-365), endDate: day(0) };
  return {
    header: () => c.widgets.header.query({ customerInternalId: id }),
    picture: () => c.widgets.picture.query({ customerInternalId: id }),
    flags: () => c.widgets.flags.query({ customerInternalId: id }),
    profileCompletion: () => c.widgets.profileCompletion.query({ customerInternalId: id }),
    productPortfolio: () => c.widgets.productPortfolio.query({ customerInternalId: id }),
    pendingActivities: () => c.widgets.pendingActivities.query({ customerInternalId: id }),
    productSuggestions: () => c.widgets.productSuggestions.query({ accountId: id }),
    clientLifecycle: () => c.widgets.clientLifecycle.query({ customerInternalId: id }),
    revenues: () => c.widgets.revenues.query(range),
    transactionValues: () => c.widgets.transactionValues.query(range),
    profitabilityIndicators: () => c.widgets.profitabilityIndicators.query({ customerInternalId: id }),
    profitability: () =>
      c.widgets.profitability.query({ customerInternalId: id, indicatorName: "Net margin" }),
    recentInteractions: () =>
      c.widgets.recentInteractions.query({
        customerInternalId: id,
        fromDate: day(-365),
        toDate: day(0),
        limit: 10,
      }),
    groupExposure: () => c.widgets.groupExposure.query({ customerInternalId: id }),
    search: () => c.customers.search.query({ query: "Replica" }),
  };
};

describe.skipIf(!enabled)("widgets and search on a hot standby (CONTRACT §11)", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let standby: postgres.Sql;
  let scratch = "";
  let readUrl = "";
  const servers: Running[] = [];

  async function serve(maxLagMs: number) {
    const env = testServerEnv(
      { DATABASE_READ_URL: readUrl, MAX_REPLICA_LAG_MS: String(maxLagMs) },
      database.url ?? null,
    );
    const running = await startServer({ env });
    servers.push(running);
    const deps = await running.ready;
    const auth = deps.auth as AuthService;
    await auth.addOrUpdateUser({
      username: "replica.user",
      password: TEST_PASSWORD,
      roles: ["reader", "writer"],
    });
    const { access_token } = await auth.issueToken({
      username: "replica.user",
      password: TEST_PASSWORD,
      clientAddress: "127.0.0.1",
    });
    const metric = async (line: string) => {
      const text = await (await fetch(`${running.url}/metrics`)).text();
      const found = text.split("\n").find((l) => l.startsWith(`${line} `));
      return found ? Number(found.slice(line.length + 1)) : 0;
    };
    /** The probe's last lag, as /metrics shows it: -1 while the standby does not answer. */
    const lagMs = async () => {
      const seconds = await metric("account360_db_replica_lag_seconds");
      return seconds < 0 ? null : seconds * 1000;
    };
    const usable = async () => {
      const lag = await lagMs();
      return lag !== null && lag < maxLagMs;
    };
    return { url: running.url, client: clientFor(running.url, access_token), lagMs, usable, metric };
  }

  /** Creates the customer or, under the same UniqueID, renames it; with a profitability value to read. */
  const createCustomer = async (client: Client, uniqueId: string, lastName: string) => {
    const { customerInternalId } = await client.customers.upsertIndividual.mutate({
      CustomerInfo: {
        firstName: "Ana",
        lastName,
        UniqueID: uniqueId,
        email: "ana@example.ro",
        mobilePhone: "+40712345678",
      },
    });
    const month = new Date().toISOString().slice(0, 7);
    await client.ingest.profitabilityValues.mutate({
      rows: [
        { externalId: `${uniqueId}:PI`, customerInternalId, indicator: "Net Margin", month, value: "110.5" },
      ],
    });
    return customerInternalId;
  };

  /** Whether the standby has replayed the customer's row as it is now on the primary. */
  const replayed = async (id: string, lastName: string) =>
    (await standby`select 1 from customers where id = ${id} and last_name = ${lastName}`).length === 1;

  /** Transactions the standby committed in the scratch database (every statement is one). */
  const standbyCommits = async () => {
    await standby`select pg_stat_clear_snapshot()`;
    const [row] = await standby<{ n: string }[]>`
      select xact_commit::text as n from pg_stat_database where datname = ${scratch}`;
    return Number(row?.n ?? 0);
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    scratch = new URL(database.url ?? "").pathname.slice(1);
    const url = new URL(standbyBase ?? "");
    url.pathname = `/${scratch}`;
    readUrl = url.toString();
    // Physical replication copies everything: the file's scratch database, migrated, appears there.
    standby = postgres(readUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    await until(
      "the scratch database on the standby",
      async () => (await standby`select to_regclass('customers') is not null as ok`)[0]?.ok === true,
    );
  }, 60_000);

  afterAll(async () => {
    for (const running of servers) await running.stop();
    await standby?.end({ timeout: 1 }).catch(() => {});
    await database?.close();
  });

  it("reads a write on the primary from the standby once it is replayed, and the standby ran the reads", async () => {
    const server = await serve(1000);
    const id = await createCustomer(server.client, "REPLICA-1", "Replayed");
    await until("the write on the standby", () => replayed(id, "Replayed"));
    await until("the probe to find the standby usable", () => server.usable());

    const fromStandby = await server.metric('account360_db_reads_total{target="standby"}');
    const commitsBefore = await standbyCommits();
    const reads = 40;
    for (let i = 0; i < reads; i++) {
      expect((await server.client.widgets.header.query({ customerInternalId: id })).fullName).toBe(
        "Ana Replayed",
      );
    }
    expect(await server.metric('account360_db_reads_total{target="standby"}')).toBeGreaterThanOrEqual(
      fromStandby + reads,
    );
    // The standby's own count: its statistics reach pg_stat_database within about ten seconds.
    await until(
      "the standby's commit count",
      async () => (await standbyCommits()) - commitsBefore >= reads,
      20_000,
    );
  }, 60_000);

  it("serves a stale answer from the standby only within the lag allowed: with replay paused", async () => {
    // A limit far over the pause: the standby keeps serving and the answer shows it is the standby's.
    const patient = await serve(600_000);
    const strict = await serve(1000);
    const id = await createCustomer(strict.client, "REPLICA-2", "Before");
    await until("the write on the standby", () => replayed(id, "Before"));
    await until(
      "both probes to find the standby usable",
      async () => (await patient.usable()) && (await strict.usable()),
    );

    await standby`select pg_wal_replay_pause()`;
    try {
      await until(
        "replay paused",
        async () => (await standby`select pg_is_wal_replay_paused() as p`)[0]?.p === true,
      );
      await createCustomer(strict.client, "REPLICA-2", "After");
      await until(
        "the strict server to see the lag over 1000 ms",
        async () => !(await strict.usable()),
        10_000,
      );
      const fallbacks = await strict.metric('account360_db_read_fallbacks_total{reason="lag"}');

      // The strict server reads from the primary: the fresh write is visible, every widget answers.
      expect((await strict.client.widgets.header.query({ customerInternalId: id })).fullName).toBe(
        "Ana After",
      );
      for (const [name, read] of Object.entries(everyRead(strict.client, id))) {
        await expect(read(), name).resolves.toBeTruthy();
      }
      expect(await strict.metric('account360_db_read_fallbacks_total{reason="lag"}')).toBeGreaterThan(
        fallbacks,
      );
      // The patient one still reads from the paused standby, which has not seen the write.
      expect(await patient.usable()).toBe(true);
      expect((await patient.client.widgets.header.query({ customerInternalId: id })).fullName).toBe(
        "Ana Before",
      );
      // At the limit counts as over it: the standby serves only while the lag is under the limit.
      expect((await strict.lagMs()) ?? 0).toBeGreaterThanOrEqual(1000);
    } finally {
      await standby`select pg_wal_replay_resume()`;
    }
    await until("replay to catch up", () => replayed(id, "After"));
    await until("the strict server to use the standby again", () => strict.usable(), 10_000);
    expect((await strict.client.widgets.header.query({ customerInternalId: id })).fullName).toBe("Ana After");
  }, 60_000);

  it("answers every widget and /readyz 200 from the primary once the standby is stopped", async () => {
    const server = await serve(1000);
    const id = await createCustomer(server.client, "REPLICA-3", "Stopped");
    await until("the write on the standby", () => replayed(id, "Stopped"));
    await until("the probe to find the standby usable", () => server.usable());
    const standbyReads = await server.metric('account360_db_reads_total{target="standby"}');
    expect((await server.client.widgets.header.query({ customerInternalId: id })).fullName).toBe(
      "Ana Stopped",
    );
    expect(await server.metric('account360_db_reads_total{target="standby"}')).toBe(standbyReads + 1);

    // Stopped between probes: the first read fails on the standby and is answered by the primary.
    execSync(`${standbyCtl} stop -m fast -w`, { stdio: "ignore" });
    for (const [name, read] of Object.entries(everyRead(server.client, id))) {
      await expect(read(), name).resolves.toBeTruthy();
    }
    expect((await server.client.widgets.header.query({ customerInternalId: id })).fullName).toBe(
      "Ana Stopped",
    );
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const fallbacks =
      (await server.metric('account360_db_read_fallbacks_total{reason="error"}')) +
      (await server.metric('account360_db_read_fallbacks_total{reason="down"}'));
    expect(fallbacks).toBeGreaterThanOrEqual(Object.keys(everyRead(server.client, id)).length + 1);
    expect(await server.metric("account360_db_replica_lag_seconds")).toBe(-1);
  }, 60_000);
});
