import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import documented from "./openapi-examples.json" with { type: "json" };
import { actions } from "./test/actions";
import { hardenedServerForFile } from "./test/hardening/file-server";
import {
  nastyKey,
  nastyValue,
  objectOf,
  recased,
  Tally,
  toBodyBytes,
  toJsonText,
} from "./test/hardening/fuzz-kit";
import { type Answer, securityHeaderProblems, send } from "./test/hardening/harness";

/**
 * Property-based fuzzing of the per-action endpoints over HTTP, as fuzz-envelope.test.ts does for
 * callAction: whatever arrives (any name, Content-Type, token, body bytes), the answer is the
 * action's JSON or an RFC 9457 problem with a contract status (never a 500), and a batch refused
 * whole changes no row.
 */

const server = hardenedServerForFile();
let token = "";
const tally = new Tally();
const CONCURRENCY = 8;
const CONTRACT_STATUSES = new Set([200, 400, 401, 403, 404, 409, 413, 415, 429]);

beforeAll(async () => {
  token = await server.userToken("fuzz.door", ["writer", "reader"]);
});
afterAll(async () => {
  console.info(`fuzz-door: ${tally}`);
});

interface Case {
  path: string;
  contentType: string;
  body: Buffer;
  authorization?: string;
}

/** What is wrong with a second-door answer ([] when nothing). */
function doorProblems(answer: Answer): string[] {
  const problems = securityHeaderProblems(answer);
  if (!CONTRACT_STATUSES.has(answer.status)) problems.push(`status ${answer.status}`);
  const type = String(answer.headers["content-type"] ?? "");
  let body: { status?: unknown; requestId?: unknown; errors?: unknown } | null = null;
  try {
    body = JSON.parse(answer.text);
  } catch {
    problems.push("the body is not JSON");
  }
  if (answer.status === 200) {
    if (!type.startsWith("application/json")) problems.push(`a success as ${type}`);
  } else {
    if (!type.startsWith("application/problem+json")) problems.push(`a failure as ${type}`);
    if (body?.status !== answer.status) problems.push(`problem status ${String(body?.status)}`);
    if (body?.requestId !== answer.headers["x-request-id"]) problems.push("problem requestId");
    if (!Array.isArray(body?.errors)) problems.push("problem errors");
  }
  return problems;
}

async function checkBatch(cases: Case[]) {
  const before = await server.fingerprint();
  const answers = await Promise.all(
    cases.map((c) =>
      send(server.url, {
        path: c.path,
        body: c.body,
        headers: {
          "content-type": c.contentType,
          ...(c.authorization ? { authorization: c.authorization } : {}),
        },
      }),
    ),
  );
  answers.forEach((answer, i) => {
    tally.record(answer.status);
    const problems = doorProblems(answer);
    if (problems.length > 0) {
      throw new Error(
        `${problems.join("; ")}\nrequest ${cases[i]?.path}: ${cases[i]?.body.toString("utf8").slice(0, 300)}\nanswer ${answer.status}: ${answer.text.slice(0, 300)}`,
      );
    }
  });
  if (answers.every((a) => a.status !== 200)) expect(await server.fingerprint()).toBe(before);
}

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...actions.map((a) => a.name)) },
  { weight: 2, arbitrary: fc.constantFrom(...actions.map((a) => a.name)).chain(recased) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%2F", "a%00b", "a/b", "", "x".repeat(300)) },
);
const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "", "*/*", "application/problem+json") },
);
const authorization = fc.oneof(
  { weight: 4, arbitrary: fc.constant(() => `Bearer ${token}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      () => "",
      () => "Bearer ",
      () => `Bearer ${"A".repeat(43)}`,
      () => token,
    ),
  },
);
/** Bodies: objects with hostile keys and values (invalid UTF-8 among them), any JSON, or noise. */
const body = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(fc.tuple(nastyKey, nastyValue), { maxLength: 4 }), fc.nat())
      .map(([entries, seed]) => toBodyBytes(toJsonText(objectOf(entries)), seed)),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 1_000 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  // The guide's valid examples (their ids name no record here: 404s, but past validation).
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...Object.values(documented).flatMap((examples) => examples.map((e) => e.data)))
      .map((data) => Buffer.from(JSON.stringify(data))),
  },
);

/** The name as a request target carries it: anything outside printable ASCII escaped. */
const asTarget = (text: string) => text.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

const doorCase = fc
  .record({ name, contentType, authorization, body, trailingSlash: fc.boolean() })
  .map((c): (() => Case) => () => {
    const auth = c.authorization();
    return {
      path: `/ftosapi/automation-processors/actions/${asTarget(c.name)}${c.trailingSlash ? "/" : ""}`,
      contentType: c.contentType,
      body: c.body,
      ...(auth ? { authorization: auth } : {}),
    };
  });

/** The guide's calls as documented, each to its own action: past validation, into the use cases. */
const documentedCase = fc
  .constantFrom(
    ...Object.entries(documented).flatMap(([action, examples]) =>
      examples.map((e) => [action, e.data] as const),
    ),
  )
  .map(([action, data]): (() => Case) => () => ({
    path: `/ftosapi/automation-processors/actions/${action}`,
    contentType: "application/json",
    body: Buffer.from(JSON.stringify(data)),
    authorization: `Bearer ${token}`,
  }));

describe("the per-action endpoints under fuzzing", () => {
  it("answer hostile requests with the action's JSON or a problem of a contract status, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          // One call in four is a documented example, so the use cases run under the load too.
          .array(fc.oneof({ arbitrary: doorCase, weight: 3 }, { arbitrary: documentedCase, weight: 1 }), {
            minLength: CONCURRENCY,
            maxLength: CONCURRENCY,
          })
          .map((makers) => makers.map((m) => m())),
        checkBatch,
      ),
      { numRuns: 40 },
    );
  });

  it("is still healthy and answering afterwards", async () => {
    const answer = await send(server.url, {
      path: "/ftosapi/automation-processors/actions/FTOS_ACC_AccountClientLifecycle",
      body: "",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
  });
});
