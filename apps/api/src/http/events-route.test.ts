import { feedCaughtUp } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../test/test-server";

/** CONTRACT §9's feed over plain HTTP, on the server as `pnpm start` runs it (PGlite or PostgreSQL). */

let server: Awaited<ReturnType<typeof startTestServer>>;
let reader = "";
let writer = "";

beforeAll(async () => {
  server = await startTestServer();
  reader = await server.userToken("events.reader", ["reader"]);
  writer = await server.userToken("events.writer", ["writer"]);
}, 60_000);
afterAll(() => server?.stop());

const get = (query: string, token: string | null) =>
  fetch(`${server.url}/api/events${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

async function createCustomer(uniqueId: string): Promise<string> {
  const response = await fetch(`${server.url}/trpc/customers.upsertIndividual`, {
    method: "POST",
    headers: { authorization: `Bearer ${writer}`, "content-type": "application/json" },
    body: JSON.stringify({
      CustomerInfo: {
        firstName: "Ioana",
        lastName: "Marin",
        UniqueID: uniqueId,
        email: "ioana.marin@example.ro",
        mobilePhone: "+40712345678",
      },
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: { customerInternalId: string } } }).result.data
    .customerInternalId;
}

describe("GET /api/events", () => {
  it("answers a reader the events after a cursor, one customer's or all, as events.list does", async () => {
    const first = await createCustomer("EVENTS-HTTP-1");
    const second = await createCustomer("EVENTS-HTTP-2");
    await feedCaughtUp(server.deps.db);
    const all = await get("?limit=1000", reader);
    expect(all.status).toBe(200);
    const page = (await all.json()) as { items: { customerId: string; type: string }[]; nextCursor: string };
    expect(page.items.map((e) => [e.customerId, e.type])).toEqual([
      [first, "customer.created"],
      [second, "customer.created"],
    ]);
    const one = (await (await get(`?customerId=${second}`, reader)).json()) as typeof page;
    expect(one.items.map((e) => e.customerId)).toEqual([second]);
    const after = (await (await get(`?after=${page.nextCursor}`, reader)).json()) as typeof page;
    expect(after).toEqual({ items: [], nextCursor: page.nextCursor });
  });

  it("is 401 without a token, 403 for a writer without the reader role", async () => {
    const anonymous = await get("", null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
    expect((await get("", writer)).status).toBe(403);
  });

  it("is 400 naming the parameter for a bad limit, cursor or unknown parameter", async () => {
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=ten", "limit"],
      ["?after=not-a-cursor", "after"],
      ["?customerId=42", "customerId"],
      ["?since=2024-01-01", "since"],
    ] as const) {
      const response = await get(query, reader);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { errors: { field: string }[] };
      expect(body.errors.map((e) => e.field)).toEqual([field]);
    }
  });
});
