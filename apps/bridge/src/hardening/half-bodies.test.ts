import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import { type Answer, CALL_ACTION, envelope, envelopeProblems, send } from "../test/hardening/harness";
import { type RawOutcome, rawRequest } from "../test/hardening/raw-client";

/**
 * ~300 unauthenticated sockets sending the headers and one byte of a 1,000-byte body made every
 * callAction and /readyz answer 429 for 30 s, repeatably (issue 12, item 6). A request now takes
 * its in-flight slot only once its body is in, a body that stops arriving is cut off after 5 s
 * (408), and /readyz and /healthz are never refused for load. MAX_INFLIGHT is the default, 256.
 */

const server = hardenedServerForFile();
let token = "";

beforeAll(async () => {
  expect(server.env.MAX_INFLIGHT).toBe(256);
  token = await server.userToken("half.reader", ["reader"]);
});

const SOCKETS = 300;

describe("300 half-sent bodies", () => {
  it("leave callAction, tRPC, /readyz and /healthz answering, and are cut off once stalled", async () => {
    const stalled: Promise<RawOutcome>[] = Array.from({ length: SOCKETS }, (_, i) =>
      rawRequest(server.url, {
        path: i % 3 === 2 ? "/api/Authorize/GetToken" : CALL_ACTION,
        bodyBytes: 1_000,
        stallAfter: 1,
        timeoutMs: 20_000,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const answers: [string, Answer][] = [];
    for (let round = 0; round < 3; round++) {
      answers.push(
        [
          "callAction",
          await send(server.url, {
            path: CALL_ACTION,
            body: envelope("FTOS_ACC_AccountClientLifecycle", null, {
              UserName: "half.reader",
              Token: token,
            }),
          }),
        ],
        [
          "tRPC",
          await send(server.url, {
            method: "GET",
            path: "/trpc/widgets.clientLifecycle",
            headers: { authorization: `Bearer ${token}` },
          }),
        ],
        ["readyz", await send(server.url, { method: "GET", path: "/readyz" })],
        ["healthz", await send(server.url, { method: "GET", path: "/healthz" })],
      );
    }
    const statuses = answers.map(([label, answer]) => `${label} ${answer.status}`);
    expect(statuses).toEqual(answers.map(([label]) => `${label} 200`));
    expect(envelopeProblems(answers[0]?.[1] as Answer)).toEqual([]);

    // Each stalled socket is answered 408 and closed once its body has been idle for 5 s,
    // long before REQUEST_TIMEOUT_MS (30 s).
    const outcomes = await Promise.all(stalled);
    const byStatus = new Map<number, number>();
    for (const outcome of outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 408: SOCKETS });
    for (const outcome of outcomes) expect(outcome.closedAfterMs).toBeLessThan(15_000);
    console.info(
      `${SOCKETS} half-sent bodies: ${statuses.length} probes answered ${[...new Set(statuses)].join(", ")}; ` +
        `stalled sockets answered ${JSON.stringify(Object.fromEntries(byStatus))} after ` +
        `${Math.round(Math.min(...outcomes.map((o) => o.closedAfterMs)))}–${Math.round(Math.max(...outcomes.map((o) => o.closedAfterMs)))} ms`,
    );

    // Counted as cut off (499), not as answered or failed.
    const metrics = (await send(server.url, { method: "GET", path: "/metrics" })).text;
    expect(metrics).toMatch(
      /account360_requests_total\{route="callAction",action="callAction",status="499"\} 200/,
    );
    expect(metrics).toMatch(/account360_requests_in_flight 1\b/); // this /metrics request alone
  }, 60_000);
});
