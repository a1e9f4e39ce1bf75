import { beforeAll, describe, expect, it } from "vitest";
import { actions } from "../test/actions";
import { hardenedServerForFile } from "../test/hardening/file-server";
import {
  CALL_ACTION,
  type EnvelopeBody,
  envelope,
  envelopeProblems,
  inPool,
  send,
} from "../test/hardening/harness";
import { logSink } from "../test/hardening/log-sink";

/**
 * Metrics labels and echoed names are bounded whatever a caller sends (issue 12, item 1): 100
 * unauthenticated posts with a 500 KB ActionName each grew the server by 230 MB for good, made
 * /metrics answer 500 until a restart, and wrote 50 MB of log. Only known action and procedure
 * names become labels; anything else counts as `unknown` and is echoed cut to 100 characters.
 */

const log = logSink();
const server = hardenedServerForFile({}, log.logger);
let token = "";

beforeAll(async () => {
  token = await server.userToken("labels.reader", ["reader"]);
});

const metrics = async () => {
  const answer = await send(server.url, { method: "GET", path: "/metrics" });
  expect(answer.status).toBe(200);
  return answer.text;
};

/** The distinct values of one label across every series of /metrics. */
function labelValues(text: string, label: string): Set<string> {
  const values = new Set<string>();
  for (const match of text.matchAll(new RegExp(`${label}="((?:[^"\\\\]|\\\\.)*)"`, "g"))) {
    values.add(match[1] as string);
  }
  return values;
}

const known = new Set(actions.map((action) => action.name));

describe("a flood of made-up action and procedure names", () => {
  it("leaves /metrics answering, its series bounded, and echoes each name cut to 100 characters", async () => {
    const logBefore = log.text().length;
    // 100 posts with an ActionName of 500 KB each, all different, as the report sent them.
    const huge = await inPool(
      Array.from({ length: 100 }, (_, i) => i),
      4,
      (i) =>
        send(server.url, {
          path: CALL_ACTION,
          body: envelope(`${i}-${"A".repeat(500_000)}`, null, {}),
        }),
    );
    for (const answer of huge) {
      expect(answer.status).toBe(404);
      expect(envelopeProblems(answer)).toEqual([]);
      expect(answer.text.length).toBeLessThan(1_000);
    }
    const message = (JSON.parse(huge[7]?.text ?? "{}") as EnvelopeBody).Message;
    expect(message).toContain(`7-${"A".repeat(50)}`);
    expect(message.length).toBeLessThan(200);

    // Many short names, and known names in another spelling (they count as the action itself).
    const short = await inPool(
      Array.from({ length: 300 }, (_, i) => i),
      8,
      (i) =>
        send(server.url, {
          path: CALL_ACTION,
          body: envelope(i % 3 === 0 ? "ftos_acc_accountclientlifecycle" : `Made_Up_${i}`, null, {
            UserName: "labels.reader",
            Token: token,
          }),
        }),
    );
    expect(short.filter((answer) => answer.status === 200)).toHaveLength(100);
    expect(short.filter((answer) => answer.status === 404)).toHaveLength(200);

    // tRPC: unknown paths of 4 KB, single and batched, with and without a token.
    const paths = await inPool(
      Array.from({ length: 200 }, (_, i) => i),
      8,
      (i) =>
        send(server.url, {
          method: "GET",
          path: `/trpc/${i % 2 ? `a${i}.${"b".repeat(4_000)}` : `widgets.header,x${i}`}${i % 4 === 0 ? "?batch=1" : ""}`,
          headers: i % 3 === 0 ? { authorization: `Bearer ${token}` } : {},
        }),
    );
    for (const answer of paths) {
      expect([400, 401, 404]).toContain(answer.status);
      expect(answer.text.length).toBeLessThan(1_000);
    }

    const text = await metrics();
    expect(text.length).toBeLessThan(100_000);
    const actionLabels = labelValues(text, "action");
    for (const value of actionLabels) expect(value.length).toBeLessThanOrEqual(100);
    const unexpected = [...actionLabels].filter(
      (value) =>
        !known.has(value) && !["unknown", "batch", "callAction", "trpc", "metrics", "none"].includes(value),
    );
    // Anything else must be a procedure name of the router, never something a caller made up.
    expect(unexpected.filter((value) => !/^[a-z]+\.[A-Za-z]+$/.test(value))).toEqual([]);
    expect(actionLabels.has("FTOS_ACC_AccountClientLifecycle")).toBe(true);
    expect(actionLabels.has("unknown")).toBe(true);
    expect([...actionLabels].some((value) => value.startsWith("Made_Up"))).toBe(false);

    // ~600 requests: an access log line each, none carrying the names in full.
    const logged = log.text().length - logBefore;
    expect(logged).toBeLessThan(600 * 1_000);
  }, 120_000);
});
