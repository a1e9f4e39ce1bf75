import { request } from "node:http";
import { connect } from "node:net";
import { loadEnv } from "@account360/api";
import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import {
  type Answer,
  CALL_ACTION,
  customerIdOf,
  type EnvelopeBody,
  envelope,
  envelopeProblems,
  securityHeaderProblems,
  send,
} from "../test/hardening/harness";
import { lockCustomers } from "../test/hardening/hold";
import { samples } from "../test/hardening/samples";

/**
 * The limits of CONTRACT §3 and §6 on a real server: body sizes, field and batch sizes, slow
 * clients, and the in-flight cap. Small settings make them cheap to reach; the defaults are
 * checked apart.
 */

const MiB = 1024 * 1024;
const MAX_INFLIGHT = 4;
const REQUEST_TIMEOUT_MS = 2_000;
const server = hardenedServerForFile({
  MAX_INFLIGHT: String(MAX_INFLIGHT),
  REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  INGEST_MAX_BODY_BYTES: String(2 * MiB),
});
let token = "";
let customerId = "";

beforeAll(async () => {
  token = await server.userToken("limits.writer", ["writer", "reader"]);
  customerId = customerIdOf(
    await callAction("FTOS_ACC_CB_AddUpdateIndividualCustomer", samples.customer("LIMITS-1")),
  );
});

const callAction = (action: string, data: unknown) =>
  send(server.url, {
    path: CALL_ACTION,
    body: envelope(action, data, { UserName: "limits.writer", Token: token }),
  });

const trpc = (path: string, body: string | Buffer) =>
  send(server.url, { path: `/trpc/${path}`, body, headers: { authorization: `Bearer ${token}` } });

const healthy = async () => (await send(server.url, { method: "GET", path: "/healthz" })).status === 200;

describe("defaults", () => {
  it("are 1 MiB per callAction body, 32 MiB per tRPC body, 256 in flight, 30 s per request, 1 h per token", () => {
    expect(loadEnv({})).toMatchObject({
      MAX_BODY_BYTES: MiB,
      INGEST_MAX_BODY_BYTES: 32 * MiB,
      MAX_INFLIGHT: 256,
      REQUEST_TIMEOUT_MS: 30_000,
      TOKEN_TTL_SECONDS: 3600,
    });
  });
});

describe("body sizes", () => {
  /** A callAction body of exactly `size` bytes: a valid write padded inside a string field. */
  function paddedBody(size: number): string {
    const base = envelope("FTOS_ACC_CB_AddUpdateIndividualCustomer", samples.customer("LIMITS-PAD"), {
      UserName: "limits.writer",
      Token: token,
      Padding: "",
    });
    return base.replace('"Padding":""', `"Padding":"${"p".repeat(size - Buffer.byteLength(base))}"`);
  }

  it("refuses a callAction body over MAX_BODY_BYTES with a 413 envelope, declared or streamed, and stores nothing", async () => {
    const before = await server.fingerprint();
    const declared = await send(server.url, { path: CALL_ACTION, body: paddedBody(MiB + 1) });
    expect(declared.status).toBe(413);
    expect(envelopeProblems(declared)).toEqual([]);
    expect(declared.text).toContain("Payload Too Large - ");

    // Chunked, no Content-Length: refused as the bytes pass the limit.
    const streamed = await new Promise<Answer>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = request(
        {
          hostname,
          port,
          method: "POST",
          path: CALL_ACTION,
          headers: { "content-type": "application/json" },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on("error", reject);
      const body = Buffer.from(paddedBody(MiB + 64 * 1024));
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(envelopeProblems(streamed)).toEqual([]);
    expect(await server.fingerprint()).toBe(before);
  });

  it("accepts a callAction body of exactly MAX_BODY_BYTES (then judges its fields)", async () => {
    const answer = await send(server.url, { path: CALL_ACTION, body: paddedBody(MiB) });
    expect(answer.status).toBe(200); // ApiInfo.Padding is ignored; the write itself is valid
  });

  it("refuses a tRPC body over INGEST_MAX_BODY_BYTES (413) yet takes one over MAX_BODY_BYTES", async () => {
    const before = await server.fingerprint();
    const tooLarge = await trpc("ingest.tasks", Buffer.alloc(2 * MiB + 1, 0x20));
    expect(tooLarge.status).toBe(413);
    expect(securityHeaderProblems(tooLarge)).toEqual([]);
    expect(JSON.parse(tooLarge.text)).toMatchObject({ error: { data: { appCode: "PAYLOAD_TOO_LARGE" } } });
    expect(await server.fingerprint()).toBe(before);

    // 10,000 rows (the batch limit) of ~150 bytes: over 1 MiB, under 2 MiB.
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      externalId: `TASK-${i}`,
      customerInternalId: customerId,
      title: `Call the customer back about case ${i}`,
      status: "open",
      dueDate: "2030-01-01",
    }));
    const body = JSON.stringify({ rows });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MiB);
    const accepted = await trpc("ingest.tasks", body);
    expect(accepted.status, accepted.text.slice(0, 300)).toBe(200);
    expect(JSON.parse(accepted.text)).toMatchObject({ result: { data: { inserted: 10_000 } } });
  });
});

describe("field and batch sizes", () => {
  it("refuses a 1 MB firstName with a 400 naming that field alone, on callAction and tRPC", async () => {
    const data = samples.customer("LIMITS-LONG");
    data.CustomerInfo.firstName = "A".repeat(1_000_000);
    const viaEnvelope = await callAction("FTOS_ACC_CB_AddUpdateIndividualCustomer", data);
    expect(viaEnvelope.status).toBe(400);
    expect(envelopeProblems(viaEnvelope)).toEqual([]);
    const errors = (JSON.parse(viaEnvelope.text) as EnvelopeBody).UIResult.Errors;
    expect(errors).toEqual([
      { field: "CustomerInfo.firstName", message: expect.stringMatching(/at most 100/) },
    ]);
    expect(viaEnvelope.text.length).toBeLessThan(2_000); // the value is not echoed

    const viaTrpc = await trpc("customers.upsertIndividual", JSON.stringify(data));
    expect(viaTrpc.status).toBe(400);
    expect(JSON.parse(viaTrpc.text)).toMatchObject({
      error: { data: { fieldErrors: [{ field: "CustomerInfo.firstName" }] } },
    });
  });

  it("answers a Data of 90,000 made-up fields quickly, listing 50 of them and counting the rest", async () => {
    const fields = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 1]));
    const started = performance.now();
    const answer = await callAction("FTOS_ACC_CB_AddUpdateIndividualCustomer", { CustomerInfo: fields });
    expect(performance.now() - started).toBeLessThan(3_000); // it took ~6 s and answered 21 MB
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(20_000);
    const errors = (JSON.parse(answer.text) as EnvelopeBody).UIResult.Errors;
    expect(errors.filter((e) => e.field.startsWith("CustomerInfo.k"))).toHaveLength(50);
    expect(errors).toContainEqual({
      field: "Request.Data",
      message: "89950 more unknown fields are not listed.",
    });
  });

  it("refuses an ingest batch of 10,001 rows with a 400 naming rows, storing none", async () => {
    const before = await server.fingerprint();
    const rows = Array.from({ length: 10_001 }, (_, i) => ({
      externalId: `OVER-${i}`,
      customerInternalId: customerId,
      title: "x",
      status: "open",
    }));
    const answer = await trpc("ingest.tasks", JSON.stringify({ rows }));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({
      error: { data: { fieldErrors: [{ field: "rows", message: expect.stringMatching(/10000|10,000/) }] } },
    });
    expect(await server.fingerprint()).toBe(before);
  });
});

/** Opens a raw connection, sends `head`, then one byte of `drip` every `everyMs`; resolves when the server closes it. */
function slowClient(
  head: string,
  drip: string,
  everyMs: number,
): Promise<{ closedAfterMs: number; received: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(Number(port), hostname);
    let received = "";
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < drip.length && !socket.destroyed) socket.write(drip[sent++] ?? "");
      }, everyMs);
    });
    socket.on("data", (chunk) => {
      received += chunk;
    });
    const done = () => {
      clearInterval(timer);
      resolve({ closedAfterMs: performance.now() - started, received });
    };
    socket.on("close", done);
    socket.on("error", () => socket.destroy());
  });
}

describe("slow clients", () => {
  it("cuts off a client that sends its headers byte by byte, and stays healthy meanwhile", async () => {
    const slow = slowClient(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n",
      "X-Slow: 1234567890abcdefghijklmnopqrstuvwxyz\r\n\r\n",
      150,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await healthy()).toBe(true);
    const { closedAfterMs, received } = await slow;
    // headersTimeout is min(10 s, REQUEST_TIMEOUT_MS); the server checks for it about every second.
    expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
    expect(received).not.toMatch(/^HTTP\/1\.1 200/);
    expect(await healthy()).toBe(true);
  }, 20_000);

  it("cuts off a client that stalls in the middle of its body after REQUEST_TIMEOUT_MS", async () => {
    const body = envelope("FTOS_ACC_AccountHeader", { customerInternalId: customerId }, {});
    const head = `POST ${CALL_ACTION} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { closedAfterMs, received } = await slowClient(head + body.slice(0, 10), "", 1_000);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(await healthy()).toBe(true);
    // Counted as the client's doing (499), not as a success or a server error.
    const metrics = (await send(server.url, { method: "GET", path: "/metrics" })).text;
    expect(metrics).toMatch(
      /account360_requests_total\{route="callAction",action="callAction",status="499"\} [1-9]/,
    );
    expect(metrics).not.toMatch(/status="500"/);
  }, 20_000);
});

describe("MAX_INFLIGHT", () => {
  it("answers 429 with the envelope and Retry-After while that many requests are being worked on, and recovers", async () => {
    // Reads of a customer wait on the lock: each holds its slot as a slow query would.
    const release = await lockCustomers(server);
    let held: Promise<Answer>[] = [];
    try {
      held = Array.from({ length: MAX_INFLIGHT }, () =>
        callAction("FTOS_ACC_AccountHeader", { customerInternalId: customerId }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      const refused = await callAction("FTOS_ACC_AccountHeader", { customerInternalId: customerId });
      expect(refused.status).toBe(429);
      expect(envelopeProblems(refused)).toEqual([]);
      expect(refused.headers["retry-after"]).toBe("1");
      expect((JSON.parse(refused.text) as EnvelopeBody).Message).toMatch(/^Too Many Requests - /);
      const refusedTrpc = await trpc("system.info", "");
      expect(refusedTrpc.status).toBe(429);
      expect(securityHeaderProblems(refusedTrpc)).toEqual([]);
    } finally {
      await release();
    }
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual(Array(MAX_INFLIGHT).fill(200));
    const after = await callAction("FTOS_ACC_AccountHeader", { customerInternalId: customerId });
    expect(after.status).toBe(200);
  });
});
