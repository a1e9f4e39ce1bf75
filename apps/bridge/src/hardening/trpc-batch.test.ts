import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import { createCustomer, securityHeaderProblems, send } from "../test/hardening/harness";
import { samples } from "../test/hardening/samples";

/**
 * One tRPC batch runs in one in-flight slot: 1,000 `widgets.header` calls in one request took
 * 2.4 s of it (issue 12, item 9). A batch holds at most 50 calls; more is a 400 that says so,
 * before any call runs.
 */

const server = hardenedServerForFile();
let token = "";
let customerId = "";

beforeAll(async () => {
  token = await server.userToken("batch.user", ["reader", "writer"]);
  customerId = await createCustomer(server, "BATCH-1", { UserName: "batch.user", Token: token });
});

/** A batch of `n` header reads, POSTed (the server allows it for queries: 1,000 inputs outgrow a URL). */
function headerBatch(n: number) {
  const paths = Array.from({ length: n }, () => "widgets.header").join(",");
  const input = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [i, { customerInternalId: customerId }]),
  );
  return send(server.url, {
    path: `/trpc/${paths}?batch=1`,
    body: JSON.stringify(input),
    headers: { authorization: `Bearer ${token}` },
  });
}

describe("a tRPC batch", () => {
  it("of 50 calls runs them all", async () => {
    const answer = await headerBatch(50);
    expect(answer.status).toBe(200);
    const results = JSON.parse(answer.text) as { result: { data: { customerInternalId: string } } }[];
    expect(results).toHaveLength(50);
    expect(results.every((r) => r.result.data.customerInternalId === customerId)).toBe(true);
  });

  it("of 51 calls, or 1,000, is a 400 that names the limit, and runs none of them", async () => {
    for (const n of [51, 1_000]) {
      const answer = await headerBatch(n);
      expect(answer.status, answer.text.slice(0, 200)).toBe(400);
      expect(securityHeaderProblems(answer)).toEqual([]);
      const body = JSON.parse(answer.text) as {
        error: { message: string; data: { appCode: string; httpStatus: number } };
      };
      expect(body.error.message).toBe(`A batch may hold at most 50 calls; this one holds ${n}. Split it.`);
      expect(body.error.data).toMatchObject({ appCode: "BAD_REQUEST", httpStatus: 400 });
    }
    // The same for a POST batch of writes: nothing is written.
    const before = await server.fingerprint();
    const paths = Array.from({ length: 51 }, () => "customers.upsertIndividual").join(",");
    const input = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [i, samples.customer(`BATCH-W${i}`)]),
    );
    const writes = await send(server.url, {
      path: `/trpc/${paths}?batch=1`,
      body: JSON.stringify(input),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(writes.status).toBe(400);
    expect(await server.fingerprint()).toBe(before);
  });
});
