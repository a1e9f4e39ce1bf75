import { rowsOf } from "@account360/storage";
import { connect, consumerOpts, type JsMsg } from "nats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../test/test-server";
import { NATS_STREAM } from "./nats-relay";

/**
 * CONTRACT §9 with NATS JetStream (CI and this machine run one on 127.0.0.1:4222; `.ci/run` sets
 * NATS_URL): every event lands in the stream on its customer's subject, with its id as
 * Nats-Msg-Id, in each customer's sequence order. Without NATS_URL there is nothing to test.
 */
const NATS_URL = process.env.NATS_URL;

describe.runIf(NATS_URL)("the change events on NATS JetStream", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token = "";
  beforeAll(async () => {
    server = await startTestServer({ NATS_URL: NATS_URL as string });
    token = await server.userToken("nats.writer", ["writer", "reader"]);
  }, 60_000);
  afterAll(() => server?.stop());

  const upsert = async (body: unknown) => {
    const response = await fetch(`${server.url}/trpc/customers.upsertIndividual`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result: { data: { customerInternalId: string } } }).result.data;
  };

  it("are published to the stream on each customer's subject, in sequence order, with their ids", async () => {
    const uniqueId = `NATS-${Date.now().toString(36)}`.toUpperCase();
    const info = {
      firstName: "Radu",
      lastName: "Stan",
      UniqueID: uniqueId,
      email: "r0@example.ro",
      mobilePhone: "+40712345678",
    };
    // The relay publishes the events from its first round on: wait until it has claimed its place.
    for (let tries = 0; ; tries++) {
      const rows = rowsOf(await server.deps.db.execute("select 1 from event_relays where name = 'nats'"));
      if (rows.length > 0) break;
      if (tries > 300) throw new Error("the NATS relay never started");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { customerInternalId } = await upsert({ CustomerInfo: info });
    for (let k = 1; k <= 4; k++)
      await upsert({ CustomerInfo: { ...info, customerInternalId, email: `r${k}@example.ro` } });

    const feed = await fetch(`${server.url}/api/events?customerId=${customerInternalId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const expected = ((await feed.json()) as { items: { eventId: string; sequence: number }[] }).items;
    expect(expected).toHaveLength(5);

    const connection = await connect({ servers: NATS_URL });
    try {
      const options = consumerOpts();
      options.orderedConsumer();
      const subscription = await connection
        .jetstream()
        .subscribe(`account360.events.${customerInternalId}`, options);
      const received: JsMsg[] = [];
      const deadline = Date.now() + 15_000;
      for await (const message of subscription) {
        received.push(message);
        if (received.length === expected.length || Date.now() > deadline) break;
      }
      expect(received.map((m) => m.info.stream)).toEqual(expected.map(() => NATS_STREAM));
      expect(received.map((m) => m.headers?.get("Nats-Msg-Id"))).toEqual(expected.map((e) => e.eventId));
      expect(received.map((m) => (JSON.parse(m.string()) as { sequence: number }).sequence)).toEqual([
        1, 2, 3, 4, 5,
      ]);
    } finally {
      await connection.drain();
    }
  }, 40_000);
});
