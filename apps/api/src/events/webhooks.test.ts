import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openTestDatabase } from "@account360/storage/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../boot";
import { startTestServer } from "../test/test-server";
import { TEST_PASSWORD, testServerEnv } from "../test/test-users";
import type { WebhookWorkerOptions } from "./webhook-worker";

/**
 * CONTRACT §9's webhooks against a receiver in this process: signed per Standard Webhooks (checked
 * with its reference library), each customer's events in sequence order, every event after the
 * receiver was down, parking after the retry window, resuming, and two server processes sharing
 * the work on PostgreSQL without sending an event twice.
 */

const FAST: Partial<WebhookWorkerOptions> = {
  pollMs: 50,
  baseDelayMs: 100,
  maxDelayMs: 300,
  retryWindowMs: 2_500,
  leaseSeconds: 5,
};

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A webhook receiver on a free loopback port; `status` is what it answers. */
async function startReceiver() {
  const received: Received[] = [];
  const receiver = { status: 204, received, url: "" };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body, answered: receiver.status });
      res.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { ...receiver, receiver, close: () => new Promise((resolve) => server.close(resolve)) };
}

const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Api = (
  procedure: string,
  input: unknown,
  kind?: "query" | "mutation",
) => Promise<{
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the answers' JSON field by field
  data: any;
}>;

function apiOf(url: string, token: string): Api {
  return async (procedure, input, kind = "mutation") => {
    const response =
      kind === "query"
        ? await fetch(`${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
            headers: { authorization: `Bearer ${token}` },
          })
        : await fetch(`${url}/trpc/${procedure}`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify(input),
          });
    const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
    return { status: response.status, data: body.result?.data ?? body.error };
  };
}

const customer = (uniqueId: string, email: string, customerInternalId?: string) => ({
  CustomerInfo: {
    ...(customerInternalId ? { customerInternalId } : {}),
    firstName: "Elena",
    lastName: "Dinu",
    UniqueID: uniqueId,
    email,
    mobilePhone: "+40712345678",
  },
});

/** The delivered events (answered 2xx), their signatures verified with the endpoint's secret. */
function deliveredEvents(received: Received[], secret: string) {
  const hook = new Webhook(secret);
  return received
    .filter((r) => r.answered >= 200 && r.answered < 300)
    .map((r) => {
      const payload = hook.verify(r.body, r.headers as Record<string, string>) as {
        type: string;
        data: { eventId: string; customerId: string; sequence: number; type: string };
      };
      expect(r.headers["webhook-id"]).toBe(payload.data.eventId);
      return payload.data;
    });
}

function expectInOrderOnce(
  events: { customerId: string; sequence: number; eventId: string }[],
  counts: Map<string, number>,
) {
  expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  for (const [customerId, count] of counts) {
    const sequences = events.filter((e) => e.customerId === customerId).map((e) => e.sequence);
    expect(sequences).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  }
}

describe("webhooks", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: Api;
  let writer: Api;
  let serial = 0;
  const uniqueId = () => `HOOK-${Date.now().toString(36)}-${serial++}`.toUpperCase();

  beforeAll(async () => {
    server = await startTestServer({}, { webhooks: FAST });
    receiver = await startReceiver();
    admin = apiOf(server.url, await server.userToken("hooks.admin", ["admin"]));
    writer = apiOf(server.url, await server.userToken("hooks.writer", ["writer"]));
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("deliver each customer's events signed, in sequence order, once, and only of the types asked for", async () => {
    const secret = newSecret();
    const added = await admin("webhooks.add", { url: receiver.url, secret, types: ["customer.*"] });
    expect(added.status).toBe(200);
    expect(added.data).not.toHaveProperty("secret");
    const unrelated = await admin("webhooks.add", {
      url: `${receiver.url}?ingest`,
      secret: newSecret(),
      types: ["ingest.*"],
    });
    expect(unrelated.status).toBe(200);

    const ids = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const uid = uniqueId();
        const created = await writer("customers.upsertIndividual", customer(uid, `c${n}@example.ro`));
        return { uid, id: created.data.customerInternalId as string };
      }),
    );
    // Three more changes to each customer, all at once.
    await Promise.all(
      ids.flatMap(({ uid, id }) =>
        [1, 2, 3].map((k) =>
          writer("customers.upsertIndividual", customer(uid, `u${k}.${uid}@example.ro`, id)),
        ),
      ),
    );
    await until("12 deliveries", () => receiver.received.length >= 12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = deliveredEvents(receiver.received, secret);
    expect(events).toHaveLength(12);
    expectInOrderOnce(events, new Map(ids.map(({ id }) => [id, 4])));
    expect(receiver.received.some((r) => r.headers["webhook-id"] === undefined)).toBe(false);
    expect(events.every((e) => e.type.startsWith("customer."))).toBe(true);
    await admin("webhooks.remove", { endpointId: added.data.id });
    await admin("webhooks.remove", { endpointId: unrelated.data.id });
  });

  it("deliver every event, without a gap, to a receiver that was down for a while", async () => {
    receiver.received.length = 0;
    const secret = newSecret();
    const added = await admin("webhooks.add", { url: receiver.url, secret, types: ["*"] });
    receiver.receiver.status = 503;
    const uid = uniqueId();
    const { data } = await writer("customers.upsertIndividual", customer(uid, "down0@example.ro"));
    for (let k = 1; k <= 4; k++)
      await writer(
        "customers.upsertIndividual",
        customer(uid, `down${k}@example.ro`, data.customerInternalId),
      );
    await until("three refused attempts", () => receiver.received.length >= 3);
    // While it is down, only the customer's first event is tried: the rest wait their turn.
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const pending = await admin(
      "webhooks.deliveries",
      { endpointId: added.data.id, status: "pending" },
      "query",
    );
    expect(pending.data.items[0]).toMatchObject({ lastStatus: 503, lastError: "the receiver answered 503" });
    receiver.receiver.status = 200;
    await until("five deliveries", () => deliveredEvents(receiver.received, secret).length >= 5);
    const events = deliveredEvents(receiver.received, secret);
    expectInOrderOnce(events, new Map([[data.customerInternalId, 5]]));
    await admin("webhooks.remove", { endpointId: added.data.id });
  });

  it("park an endpoint that failed for the whole retry window, show it, and resume it", async () => {
    receiver.received.length = 0;
    const secret = newSecret();
    const added = await admin("webhooks.add", { url: receiver.url, secret, types: ["customer.created"] });
    receiver.receiver.status = 500;
    const { data } = await writer("customers.upsertIndividual", customer(uniqueId(), "parked@example.ro"));
    await until("the endpoint parked", async () =>
      (await admin("webhooks.list", null, "query")).data.items.some(
        (e: { id: string; parkedAt: string | null }) => e.id === added.data.id && e.parkedAt,
      ),
    );
    const parked = await admin("webhooks.deliveries", { endpointId: added.data.id }, "query");
    expect(parked.data.items).toEqual([
      expect.objectContaining({
        customerId: data.customerInternalId,
        sequence: 1,
        status: "parked",
        lastStatus: 500,
      }),
    ]);
    const attempts = receiver.received.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.length).toBe(attempts);

    receiver.receiver.status = 204;
    const resumed = await admin("webhooks.resume", { endpointId: added.data.id });
    expect(resumed.data).toMatchObject({ parkedAt: null });
    await until("delivered after resume", () => deliveredEvents(receiver.received, secret).length === 1);
    expect(deliveredEvents(receiver.received, secret)[0]).toMatchObject({
      customerId: data.customerInternalId,
      sequence: 1,
    });
    await admin("webhooks.remove", { endpointId: added.data.id });
  });

  it("are managed by an admin only, and refuse a bad endpoint naming the field", async () => {
    const refused = await writer("webhooks.add", { url: receiver.url, secret: newSecret(), types: ["*"] });
    expect(refused.status).toBe(403);
    const bad = await admin("webhooks.add", {
      url: "ftp://example.org",
      secret: "short",
      types: ["customer"],
    });
    expect(bad.status).toBe(400);
    expect(bad.data.data.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual([
      "secret",
      "types.0",
      "url",
    ]);
    const missing = await admin("webhooks.resume", { endpointId: "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f" });
    expect(missing.status).toBe(404);
  });
});

describe.runIf(process.env.DATABASE_URL)("webhooks from two server processes on one database", () => {
  it("share the deliveries and send no event twice", async () => {
    const database = await openTestDatabase();
    const env = testServerEnv({}, database.url ?? null);
    const servers = await Promise.all([0, 1].map(() => startServer({ env, webhooks: FAST })));
    const receiver = await startReceiver();
    try {
      const [deps] = await Promise.all(servers.map((s) => s.ready));
      const auth = deps!.auth as import("../auth").AuthService;
      await auth.addOrUpdateUser({ username: "pair.admin", password: TEST_PASSWORD, roles: ["admin"] });
      const { access_token } = await auth.issueToken({
        username: "pair.admin",
        password: TEST_PASSWORD,
        clientAddress: "127.0.0.1",
      });
      const [first, second] = servers.map((s) => apiOf(s.url, access_token)) as [Api, Api];
      const secret = newSecret();
      expect((await first("webhooks.add", { url: receiver.url, secret, types: ["*"] })).status).toBe(200);
      // 40 customers, written through both servers at once.
      const created = await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          (n % 2 ? first : second)(
            "customers.upsertIndividual",
            customer(`PAIR-${n}`, `pair${n}@example.ro`),
          ),
        ),
      );
      const ids = created.map((c) => c.data.customerInternalId as string);
      await until("40 deliveries", () => receiver.received.length >= 40);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const events = deliveredEvents(receiver.received, secret);
      expect(events).toHaveLength(40);
      expectInOrderOnce(events, new Map(ids.map((id) => [id, 1])));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await receiver.close();
      await database.close();
    }
  }, 60_000);
});
