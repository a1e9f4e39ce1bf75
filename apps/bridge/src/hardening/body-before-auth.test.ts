import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import { CALL_ACTION, type EnvelopeBody, envelope, send } from "../test/hardening/harness";
import { rawRequest } from "../test/hardening/raw-client";
import { samples } from "../test/hardening/samples";

/**
 * CONTRACT §2: no request body is read before its token has been checked (issue 12, item 3).
 * tRPC read and parsed up to 32 MiB before looking at the token: 24 unauthenticated 30 MiB posts
 * took the server from 373 MB to 1,245 MB. Now the token (and the caller's roles) are judged from
 * the headers; a refused request is answered at once, its body unread, and its connection closed.
 * Only `ingest.*` takes INGEST_MAX_BODY_BYTES; every other procedure MAX_BODY_BYTES.
 */

const MiB = 1024 * 1024;
const server = hardenedServerForFile();
let writer = "";
let reader = "";

beforeAll(async () => {
  writer = await server.userToken("body.writer", ["writer"]);
  reader = await server.userToken("body.reader", ["reader"]);
});

/** Declares a body, sends none of it, and waits (at most 5 s) for the server to answer anyway. */
const withoutBody = (path: string, headers: Record<string, string>, bodyBytes = 30 * MiB) =>
  rawRequest(server.url, { path, headers, bodyBytes, stallAfter: 0, timeoutMs: 5_000 });

describe("tRPC", () => {
  it("refuses a caller without a valid token, or outside its roles, before reading a byte of the body", async () => {
    const cases: [Record<string, string>, number][] = [
      [{}, 401],
      [{ Authorization: "Bearer not-a-token" }, 401],
      [{ Authorization: `Bearer ${"A".repeat(43)}` }, 401],
      [{ Authorization: `Bearer ${reader}` }, 403], // a reader may not ingest
    ];
    for (const [headers, status] of cases) {
      const outcome = await withoutBody("/trpc/ingest.tasks", headers);
      expect(outcome.status, JSON.stringify(headers)).toBe(status);
      expect(outcome.received.toLowerCase()).toContain("connection: close");
      expect(outcome.bodyBytesSent).toBe(0);
    }
    // The same for a batch in which one call is not the caller's.
    const batch = await withoutBody("/trpc/widgets.clientLifecycle,ingest.tasks?batch=1", {
      Authorization: `Bearer ${reader}`,
    });
    expect(batch.status).toBe(403);
    expect(batch.received).toContain("may not call this (write access needed)");
  });

  it("answers 24 unauthenticated 30 MiB posts with 401 at once, without taking their bodies in", async () => {
    const rssBefore = process.memoryUsage().rss;
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        rawRequest(server.url, {
          path: "/trpc/ingest.transactions",
          headers: i % 2 ? { Authorization: "Bearer forged-token-value" } : {},
          bodyBytes: 30 * MiB,
          timeoutMs: 20_000,
        }),
      ),
    );
    const grewBy = process.memoryUsage().rss - rssBefore;
    for (const outcome of outcomes) {
      expect(outcome.status).toBe(401);
      expect(outcome.received.toLowerCase()).toContain("connection: close");
      // Cut off long before the 30 MiB: what the client wrote fits in the sockets' buffers.
      expect(outcome.bodyBytesSent).toBeLessThan(30 * MiB);
    }
    // 720 MiB of bodies were offered; reading them would have grown this process by as much.
    expect(grewBy).toBeLessThan(150 * MiB);
    console.info(
      `24 × 30 MiB unauthenticated tRPC posts: RSS grew ${(grewBy / MiB).toFixed(0)} MiB; ` +
        `client sent ${(outcomes.reduce((sum, o) => sum + o.bodyBytesSent, 0) / MiB).toFixed(1)} MiB in all`,
    );
  }, 60_000);

  it("takes INGEST_MAX_BODY_BYTES for ingest.* only: any other procedure refuses a body over MAX_BODY_BYTES", async () => {
    const before = await server.fingerprint();
    const data = samples.customer("BODY-BIG");
    data.CustomerInfo.padding = "p".repeat(MiB);
    const tooLarge = await send(server.url, {
      path: "/trpc/customers.upsertIndividual",
      body: JSON.stringify(data),
      headers: { authorization: `Bearer ${writer}` },
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.text)).toMatchObject({
      error: { data: { appCode: "PAYLOAD_TOO_LARGE", httpStatus: 413 } },
    });
    expect(tooLarge.headers.connection).toBe("close");
    expect(await server.fingerprint()).toBe(before);

    // A 2 MiB ingest batch (an unknown customer, so nothing is stored) is read and judged whole.
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      externalId: `BODY-${i}`,
      customerInternalId: "00000000-0000-4000-8000-000000000000",
      title: `A task with a long enough title to fill the batch ${"x".repeat(150)}`,
      status: "open",
    }));
    const body = JSON.stringify({ rows });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MiB);
    const ingest = await send(server.url, {
      path: "/trpc/ingest.tasks",
      body,
      headers: { authorization: `Bearer ${writer}` },
    });
    expect(ingest.status, ingest.text.slice(0, 200)).toBe(404);
  });

  it("keeps public procedures open to anyone", async () => {
    const answer = await send(server.url, { method: "GET", path: "/trpc/system.info" });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ result: { data: { name: "account360" } } });
  });
});

describe("callAction", () => {
  it("checks an Authorization header before reading the body", async () => {
    for (const authorization of ["Bearer not-a-token", `Bearer ${"B".repeat(43)}`]) {
      const outcome = await withoutBody(CALL_ACTION, { Authorization: authorization }, 1_000);
      expect(outcome.status).toBe(401);
      expect(outcome.received).toContain("Unauthorized - ");
      expect(outcome.received.toLowerCase()).toContain("connection: close");
    }
  });

  it("reads the body when the token is only in ApiInfo, and when the header token is valid", async () => {
    const viaApiInfo = await send(server.url, {
      path: CALL_ACTION,
      body: envelope("FTOS_ACC_AccountClientLifecycle", null, { UserName: "body.reader", Token: reader }),
    });
    expect(viaApiInfo.status).toBe(200);
    const viaHeader = await send(server.url, {
      path: CALL_ACTION,
      body: envelope("FTOS_ACC_AccountClientLifecycle", null, { UserName: "body.reader" }),
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(viaHeader.status).toBe(200);
    expect((JSON.parse(viaHeader.text) as EnvelopeBody).IsSuccess).toBe(true);
  });
});
