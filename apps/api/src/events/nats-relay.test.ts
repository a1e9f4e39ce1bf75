import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rowsOf } from "@account360/storage";
import { feedCaughtUp, openTestDatabase } from "@account360/storage/testing";
import { connect, consumerOpts, type JsMsg } from "nats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthService } from "../auth";
import { type RunningServer, startServer } from "../boot";
import { loadEnv } from "../env";
import { TEST_PASSWORD } from "../test/test-users";
import { NATS_STREAM } from "./nats-relay";

/**
 * CONTRACT §9 with NATS JetStream (CI and this machine run one on 127.0.0.1:4222; `.ci/run` sets
 * NATS_URL): every event lands in the stream on its customer's subject, with its id as
 * Nats-Msg-Id, in each customer's sequence order. Without NATS_URL there is nothing to test.
 */
const NATS_URL = process.env.NATS_URL;

describe.runIf(NATS_URL)("the change events on NATS JetStream", () => {
  const root = mkdtempSync(join(tmpdir(), "a360-nats-"));
  let database: Awaited<ReturnType<typeof openTestDatabase>> | null = null;
  let server: RunningServer | null = null;
  let token = "";
  /** The server as `pnpm start` runs it, on a database that outlives it (PGlite in a directory). */
  const start = async () => {
    const env = loadEnv({
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      DATABASE_URL: database?.url ?? "",
      PGLITE_DIR: join(root, "pglite"),
      NATS_URL,
    });
    server = await startServer({ env });
    const deps = await server.ready;
    // The relay publishes the events from its first round on: wait until it has claimed its place.
    for (let tries = 0; ; tries++) {
      if (rowsOf(await deps.db.execute("select 1 from event_relays where name = 'nats'")).length > 0) break;
      if (tries > 300) throw new Error("the NATS relay never started");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return deps;
  };
  beforeAll(async () => {
    if (process.env.DATABASE_URL) database = await openTestDatabase();
    const deps = await start();
    const auth = deps.auth as AuthService;
    await auth.addOrUpdateUser({
      username: "nats.writer",
      password: TEST_PASSWORD,
      roles: ["writer", "reader"],
    });
    token = (
      await auth.issueToken({ username: "nats.writer", password: TEST_PASSWORD, clientAddress: "127.0.0.1" })
    ).access_token;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const upsert = async (body: unknown) => {
    const response = await fetch(`${server?.url}/trpc/customers.upsertIndividual`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result: { data: { customerInternalId: string } } }).result.data;
  };

  it("are published on each customer's subject in sequence order with their ids, none twice across a restart", async () => {
    const uniqueId = `NATS-${Date.now().toString(36)}`.toUpperCase();
    const info = {
      firstName: "Radu",
      lastName: "Stan",
      UniqueID: uniqueId,
      email: "r0@example.ro",
      mobilePhone: "+40712345678",
    };
    const { customerInternalId } = await upsert({ CustomerInfo: info });
    const change = (k: number) =>
      upsert({ CustomerInfo: { ...info, customerInternalId, email: `r${k}@example.ro` } });
    for (let k = 1; k <= 2; k++) await change(k);
    // A restart: the new process takes the relay up where the old one left it.
    await server?.stop();
    await start();
    for (let k = 3; k <= 5; k++) await change(k);

    await feedCaughtUp((await server?.ready)?.db as Parameters<typeof feedCaughtUp>[0]);
    const feed = await fetch(`${server?.url}/api/events?customerId=${customerInternalId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const expected = ((await feed.json()) as { items: { eventId: string; sequence: number }[] }).items;
    expect(expected.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);

    const connection = await connect({ servers: NATS_URL });
    try {
      const options = consumerOpts();
      options.orderedConsumer();
      const subscription = await connection
        .jetstream()
        .subscribe(`account360.events.${customerInternalId}`, options);
      const received: JsMsg[] = [];
      const timeout = setTimeout(() => subscription.unsubscribe(), 15_000);
      for await (const message of subscription) {
        received.push(message);
        // Past the expected count, give a repeat the chance to show.
        if (received.length === expected.length) setTimeout(() => subscription.unsubscribe(), 1_000);
      }
      clearTimeout(timeout);
      expect(received.map((m) => m.info.stream)).toEqual(expected.map(() => NATS_STREAM));
      expect(received.map((m) => m.headers?.get("Nats-Msg-Id"))).toEqual(expected.map((e) => e.eventId));
      expect(received.map((m) => (JSON.parse(m.string()) as { sequence: number }).sequence)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    } finally {
      await connection.drain();
    }
  }, 60_000);
});
