import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import {
  type Answer,
  CALL_ACTION,
  envelope,
  envelopeProblems,
  GET_TOKEN,
  PASSWORD,
  securityHeaderProblems,
  send,
} from "../test/hardening/harness";
import { lockCustomers } from "../test/hardening/hold";

/**
 * Security headers on every answer the server gives — successes, 4xx of every kind, 429s and tRPC
 * answers — and no CORS at all unless CORS_ORIGINS is set (see cors.test.ts for when it is).
 */

const MAX_INFLIGHT = 2;
const server = hardenedServerForFile({
  MAX_INFLIGHT: String(MAX_INFLIGHT),
  INGEST_MAX_BODY_BYTES: String(64 * 1024),
});
let token = "";

beforeAll(async () => {
  token = await server.userToken("headers.user", ["writer", "reader"]);
});

const ORIGIN = { origin: "https://bank.example" };
const answers: [string, Answer][] = [];
async function probe(label: string, options: Parameters<typeof send>[1], status: number): Promise<Answer> {
  const answer = await send(server.url, { ...options, headers: { ...ORIGIN, ...options.headers } });
  expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBe(status);
  answers.push([label, answer]);
  return answer;
}

/** Raw bytes in, raw answer out: for request lines no HTTP client would send. */
function raw(bytes: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    let text = "";
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("close", () => resolve(text));
    socket.on("error", () => resolve(text));
    setTimeout(() => socket.end(), 1_000);
  });
}

describe("security headers", () => {
  it("are on every answer: health, metrics, OpenAPI, callAction, the second door, GetToken and tRPC, success or failure", async () => {
    const call = (body: string, headers: Record<string, string> = {}) => ({
      path: CALL_ACTION,
      body,
      headers,
    });
    const authed = { UserName: "headers.user", Token: token };
    await probe("healthz", { method: "GET", path: "/healthz" }, 200);
    await probe("readyz", { method: "GET", path: "/readyz" }, 200);
    await probe("metrics", { method: "GET", path: "/metrics" }, 200);
    await probe("openapi", { method: "GET", path: "/api/openApi/openapi.json" }, 200);
    await probe("unknown path", { method: "GET", path: "/nowhere" }, 404);
    await probe("OPTIONS without CORS", { method: "OPTIONS", path: CALL_ACTION }, 404);
    await probe("callAction 200", call(envelope("FTOS_ACC_AccountClientLifecycle", null, authed)), 200);
    await probe("callAction 400", call("{not json"), 400);
    await probe("callAction 401", call(envelope("FTOS_ACC_AccountClientLifecycle", null, {})), 401);
    await probe("callAction 404", call(envelope("No_Such_Action", null, authed)), 404);
    await probe("callAction 413", call(`{"x":"${"y".repeat(1024 * 1024)}"}`), 413);
    await probe("callAction 415", call("{}", { "content-type": "text/plain" }), 415);
    const door = (
      name: string,
      body: string,
      headers: Record<string, string> = { authorization: `Bearer ${token}` },
    ) => ({
      path: `/ftosapi/automation-processors/actions/${name}`,
      body,
      headers,
    });
    await probe("second door 200", door("FTOS_ACC_AccountClientLifecycle", ""), 200);
    await probe("second door 400", door("FTOS_ACC_AccountHeader", "{not json"), 400);
    await probe("second door 401", door("FTOS_ACC_AccountHeader", "{}", {}), 401);
    await probe("second door 404", door("No_Such_Action", "{}"), 404);
    await probe("second door 413", door("FTOS_ACC_AccountHeader", `{"x":"${"y".repeat(1024 * 1024)}"}`), 413);
    await probe(
      "second door 415",
      door("FTOS_ACC_AccountHeader", "{}", {
        authorization: `Bearer ${token}`,
        "content-type": "text/plain",
      }),
      415,
    );
    await probe(
      "GetToken 200",
      { path: GET_TOKEN, body: JSON.stringify({ username: "headers.user", password: PASSWORD }) },
      200,
    );
    await probe("GetToken 400", { path: GET_TOKEN, body: "{" }, 400);
    for (let i = 1; i <= 5; i++) {
      await probe(
        "GetToken 401",
        { path: GET_TOKEN, body: '{"username":"nobody","password":"x"}', localAddress: "127.0.9.1" },
        401,
      );
    }
    await probe(
      "GetToken 429",
      { path: GET_TOKEN, body: '{"username":"nobody","password":"x"}', localAddress: "127.0.9.1" },
      429,
    );
    const bearer = { authorization: `Bearer ${token}` };
    await probe("tRPC 200", { method: "GET", path: "/trpc/system.info" }, 200);
    await probe("tRPC 401", { method: "GET", path: "/trpc/widgets.clientLifecycle" }, 401);
    await probe("tRPC 400", { path: "/trpc/customers.upsertIndividual", body: "{}", headers: bearer }, 400);
    await probe("tRPC 404", { path: "/trpc/no.such", body: "{}", headers: bearer }, 404);
    await probe("tRPC bad percent-encoding", { method: "GET", path: "/trpc/%E0%A4%A" }, 400);
    await probe(
      "tRPC 413",
      { path: "/trpc/ingest.tasks", body: " ".repeat(64 * 1024 + 1), headers: bearer },
      413,
    );

    for (const [label, answer] of answers) {
      expect(securityHeaderProblems(answer), label).toEqual([]);
      expect(answer.headers["x-request-id"], label).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
      expect(answer.headers["access-control-allow-origin"], label).toBeUndefined();
    }
    const badTarget = await raw("GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(badTarget).toMatch(/^HTTP\/1\.1 400/);
    expect(badTarget.toLowerCase()).toContain("x-content-type-options: nosniff");
    expect(await probe("alive", { method: "GET", path: "/healthz" }, 200)).toBeTruthy();
  });

  it("are on 429s under MAX_INFLIGHT too, while /healthz and /readyz keep answering 200", async () => {
    const read = () =>
      send(server.url, {
        path: CALL_ACTION,
        body: envelope("FTOS_ACC_AccountClientLifecycle", null, { UserName: "headers.user", Token: token }),
      });
    const release = await lockCustomers(server);
    let held: Promise<Answer>[] = [];
    let readiness: Promise<Answer> | undefined;
    try {
      held = Array.from({ length: MAX_INFLIGHT }, read);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const busy: [string, Answer][] = [
        ["callAction", await read()],
        [
          "second door",
          await send(server.url, {
            path: "/ftosapi/automation-processors/actions/FTOS_ACC_AccountClientLifecycle",
            body: "null",
            headers: { authorization: `Bearer ${token}` },
          }),
        ],
        ["tRPC", await send(server.url, { method: "GET", path: "/trpc/system.info" })],
        ["GetToken", await send(server.url, { path: GET_TOKEN, body: "{}" })],
      ];
      for (const [label, answer] of busy) {
        expect(answer.status, label).toBe(429);
        expect(answer.headers["retry-after"], label).toBe("1");
        expect(securityHeaderProblems(answer), label).toEqual([]);
      }
      expect(envelopeProblems(busy[0]?.[1] as Answer)).toEqual([]);
      expect(busy[1]?.[1].headers["content-type"]).toMatch(/^application\/problem\+json/);
      // Liveness is not load: an orchestrator must not restart a busy server, nor take a busy one
      // out of rotation (readiness asks the database, which on PGlite waits for the lock).
      const health = await send(server.url, { method: "GET", path: "/healthz" });
      expect(health.status).toBe(200);
      expect(securityHeaderProblems(health)).toEqual([]);
      readiness = send(server.url, { method: "GET", path: "/readyz" });
    } finally {
      await release();
    }
    expect((await readiness)?.status).toBe(200);
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual(Array(MAX_INFLIGHT).fill(200));
  });
});
