import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "./test/actions";
import { hardenedServerForFile } from "./test/hardening/file-server";
import {
  nastyKey,
  nastyValue,
  objectOf,
  RawJson,
  recased,
  Tally,
  toBodyBytes,
  toJsonText,
} from "./test/hardening/fuzz-kit";
import {
  type Answer,
  CALL_ACTION,
  difference,
  envelopeProblems,
  expectedWriteDelta,
  securityHeaderProblems,
  send,
} from "./test/hardening/harness";

/**
 * Property-based fuzzing of the callAction envelope and the tRPC endpoint over HTTP, on a real
 * in-process server: whatever arrives, the answer is the contract's envelope with a contract
 * status (never a 500), the process lives on, and a refused request changes no row.
 */

const server = hardenedServerForFile();
let token = "";
const tally = new Tally();
const trpcTally = new Tally();
const CONCURRENCY = 8;

beforeAll(async () => {
  token = await server.userToken("fuzz.envelope", ["writer", "reader"]);
});
afterAll(async () => {
  console.info(`fuzz-envelope: callAction ${tally}; tRPC ${trpcTally}`);
});

interface Case {
  method?: string;
  path: string;
  contentType: string;
  body: Buffer;
  authorization?: string;
}

/** Sends a batch at once; every answer must be a contract envelope, and if all were refused nothing changed. */
async function checkBatch(cases: Case[], check: (answer: Answer) => string[], counts: Tally) {
  const before = await server.fingerprint();
  const counted = await server.writeCounts();
  const answers = await Promise.all(
    cases.map((c) =>
      send(server.url, {
        method: c.method ?? "POST",
        path: c.path,
        ...(c.method === "GET" ? {} : { body: c.body }),
        headers: {
          "content-type": c.contentType,
          ...(c.authorization ? { authorization: c.authorization } : {}),
        },
      }),
    ),
  );
  answers.forEach((answer, i) => {
    counts.record(answer.status);
    const problems = check(answer);
    if (problems.length > 0) {
      throw new Error(
        `${problems.join("; ")}\nrequest ${cases[i]?.path}: ${cases[i]?.body.toString("utf8").slice(0, 300)}\nanswer ${answer.status}: ${answer.text.slice(0, 300)}`,
      );
    }
  });
  // Every row and audit entry the batch added is one a successful answer accounts for; a batch
  // refused whole changed nothing at all.
  const expected = expectedWriteDelta(answers);
  if (expected) expect(difference(counted, await server.writeCounts())).toEqual(expected);
  if (answers.every((a) => a.status !== 200)) expect(await server.fingerprint()).toBe(before);
}

const callActionPath = fc.constantFrom(
  CALL_ACTION,
  "/API/OPENAPI/CALLACTION",
  "/api/openapi/callaction/",
  `${CALL_ACTION}?culture=ro-RO`,
  `${CALL_ACTION}?culture=%ZZ`,
);
const jsonType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/vnd.api+json",
);
const anyType = fc.oneof(
  { weight: 4, arbitrary: jsonType },
  {
    weight: 1,
    arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "", "json", "*/*"),
  },
);

const actionName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...actions.map((a) => a.name)).chain(recased) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: nastyValue },
);
const dataValue = fc.oneof(
  { weight: 3, arbitrary: nastyValue },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => `:${JSON.stringify(v)}`) },
  { weight: 1, arbitrary: fc.constantFrom(null, "null", "", "{}", "[]", "{", '{"a":1}x') },
);
const apiInfo = fc.oneof(
  fc.constant(() => ({ UserName: "fuzz.envelope", Token: token })),
  fc.constant(() => ({ UserName: "someone.else", Token: token })),
  fc.constant(() => ({ username: "FUZZ.ENVELOPE", token: ` ${token} ` })),
  fc.constant(() => ({ UserName: "fuzz.envelope", Token: `${token}x` })),
  fc.constant(() => ({ UserName: "fuzz.envelope", Token: "A".repeat(43) })),
  nastyValue.map((v) => () => v),
  fc.tuple(nastyKey, nastyValue).map(
    ([k, v]) =>
      () =>
        objectOf([[k, v]]),
  ),
);
const envelopeKeys = fc.tuple(recased("Request"), recased("ActionName"), recased("Data"), recased("ApiInfo"));
const extra = fc.array(fc.tuple(nastyKey, nastyValue), { maxLength: 2 });

/** A structured envelope: every part either right, a little wrong, or hostile. */
const structuredCase = fc
  .record({
    path: callActionPath,
    contentType: anyType,
    keys: envelopeKeys,
    name: actionName,
    useActionId: fc.boolean(),
    data: dataValue,
    apiInfo,
    extra,
    requestAsArray: fc.boolean(),
    bearer: fc.boolean(),
    seed: fc.nat(),
  })
  .map((c): (() => Case) => () => {
    const [request, name, data, info] = c.keys;
    const requestBody = objectOf([
      [c.useActionId ? "ActionID" : name.trim(), c.name],
      [data.trim(), c.data],
    ]);
    const body = objectOf([
      [request.trim(), c.requestAsArray ? [requestBody] : requestBody],
      [info.trim(), c.apiInfo()],
      ...c.extra,
    ]);
    return {
      path: c.path,
      contentType: c.contentType,
      body: toBodyBytes(toJsonText(body), c.seed),
      ...(c.bearer ? { authorization: `Bearer ${token}` } : {}),
    };
  });

/** Raw bytes: noise, JSON of anything, valid envelopes cut short or laced with invalid UTF-8. */
const rawCase = fc
  .record({
    path: callActionPath,
    contentType: jsonType,
    body: fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => () => Buffer.from(bytes)),
      fc.jsonValue().map((v) => () => Buffer.from(JSON.stringify(v))),
      fc.string({ unit: "binary", maxLength: 500 }).map((s) => () => Buffer.from(s)),
      fc.tuple(fc.nat(), fc.nat()).map(([cut, seed]) => () => {
        const text = toJsonText({
          Request: { ActionName: "FTOS_ACC_AccountHeader", Data: { customerInternalId: "\ue000" } },
          ApiInfo: { UserName: "fuzz.envelope", Token: token },
        });
        return toBodyBytes(text, seed).subarray(0, cut % (text.length + 1));
      }),
      fc
        .integer({ min: 1, max: 200_000 })
        .map((depth) => () => Buffer.from(`${"[".repeat(depth)}${"]".repeat(depth)}`)),
      fc.constant(() => Buffer.from(`{"Request":${new RawJson("1").text},"Request":{"ActionName":"x"}}`)),
    ),
  })
  .map((c): (() => Case) => () => ({ path: c.path, contentType: c.contentType, body: c.body() }));

const batch = (one: fc.Arbitrary<() => Case>) =>
  fc
    .array(one, { minLength: CONCURRENCY, maxLength: CONCURRENCY })
    .map((makers) => makers.map((make) => make()));

describe("callAction under fuzzing", () => {
  it("answers hostile envelopes with the contract envelope and changes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(batch(structuredCase), (cases) => checkBatch(cases, envelopeProblems, tally)),
      { numRuns: 250 },
    );
  }, 120_000);

  it("answers raw noise, cut-off bodies and invalid UTF-8 with a 400/415 envelope", async () => {
    await fc.assert(
      fc.asyncProperty(batch(rawCase), (cases) => checkBatch(cases, envelopeProblems, tally)),
      { numRuns: 100 },
    );
  }, 120_000);
});

const procedurePaths = [
  "customers.upsertIndividual",
  "addresses.upsert",
  "agreements.upsert",
  "applications.upsert",
  "representatives.upsert",
  "ingest.tasks",
  "ingest.pictures",
  "widgets.header",
  "audit.forCustomer",
  "system.info",
  "no.such.procedure",
];

/** A tRPC answer: JSON, security headers, a status the contract knows, never a 500. */
function trpcProblems(answer: Answer): string[] {
  const problems = securityHeaderProblems(answer);
  if (![200, 400, 401, 403, 404, 405, 409, 413, 415, 429].includes(answer.status)) {
    problems.push(`status ${answer.status}`);
  }
  try {
    JSON.parse(answer.text);
  } catch {
    problems.push("body is not JSON");
  }
  if (/\bat .*\.ts:\d+|select |insert into/i.test(answer.text)) problems.push("a stack trace or SQL leaked");
  return problems;
}

const trpcCase = fc
  .record({
    path: fc.constantFrom(...procedurePaths),
    query: fc.constantFrom("", "?batch=1", "?input=%7B%7D", "?batch=1&input=%5B", "?input=%ZZ"),
    body: fc.oneof(
      nastyValue.map((v) => toJsonText(v)),
      fc.dictionary(fc.string({ maxLength: 6 }), nastyValue, { maxKeys: 3 }).map((v) => toJsonText(v)),
      fc
        .tuple(nastyKey, nastyValue)
        .map(([k, v]) => toJsonText({ CustomerInfo: objectOf([[k, v]]), rows: [v] })),
      fc.string({ maxLength: 200 }),
    ),
    contentType: anyType,
    auth: fc.boolean(),
    get: fc.boolean(),
    seed: fc.nat(),
  })
  .map((c): (() => Case) => () => ({
    method: c.get ? "GET" : "POST",
    path: `/trpc/${c.path}${c.query}`,
    contentType: c.contentType,
    body: toBodyBytes(c.body, c.seed),
    ...(c.auth ? { authorization: `Bearer ${token}` } : {}),
  }));

describe("tRPC over HTTP under fuzzing", () => {
  it("never answers 500, always JSON, and changes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(batch(trpcCase), (cases) => checkBatch(cases, trpcProblems, trpcTally)),
      { numRuns: 100 },
    );
  }, 120_000);

  it("is still healthy and writing afterwards", async () => {
    expect((await send(server.url, { method: "GET", path: "/healthz" })).status).toBe(200);
    const answer = await send(server.url, {
      path: CALL_ACTION,
      body: toJsonText({
        Request: { ActionName: "FTOS_ACC_AccountClientLifecycle", Data: null },
        ApiInfo: { UserName: "fuzz.envelope", Token: token },
      }),
    });
    expect(envelopeProblems(answer)).toEqual([]);
    expect(answer.status).toBe(200);
  });
});
