import { loadEnv, startServer } from "@account360/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bridgeRoutes } from "./bridge-routes";
import { LEGACY_DEPRECATED_SINCE } from "./deprecation";
import { startOneProcess, type TestServer } from "./test/bridge-server";
import { CUSTOMER, customerData, HEADER, LIFECYCLE_STAGES, UNKNOWN_ID, UUID } from "./test/fixtures";
import { rawRequest } from "./test/hardening/raw-client";
import { actionUrl, callDoor, problemOf } from "./test/second-door";

const LIFECYCLE = "FTOS_ACC_AccountClientLifecycle";
const ACTIONS = "/ftosapi/automation-processors/actions/";

let server: TestServer;
let reader = "";
let writer = "";

beforeAll(async () => {
  server = await startOneProcess({ MAX_BODY_BYTES: "65536" });
  [reader, writer] = await Promise.all([
    server.userToken("door.reader", ["reader"]),
    server.userToken("door.writer", ["writer"]),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

describe("POST /ftosapi/automation-processors/actions/{ActionName}", () => {
  it("takes Data as the body and answers UIResult.Data itself, as JSON", async () => {
    const created = await callDoor(server.url, CUSTOMER, customerData("DOOR-1"), writer);
    expect(created.status).toBe(200);
    expect(created.headers.get("content-type")).toMatch(/^application\/json/);
    expect(created.body).toEqual({ customerInternalId: expect.stringMatching(UUID), operation: "created" });
    const again = await callDoor(server.url, CUSTOMER, customerData("DOOR-1"), writer);
    expect(again.body).toEqual({ ...created.body, operation: "unchanged" });

    const header = await callDoor(
      server.url,
      HEADER,
      { customerInternalId: created.body.customerInternalId },
      reader,
    );
    expect(header.status).toBe(200);
    expect(header.body).toMatchObject({
      customerInternalId: created.body.customerInternalId,
      fullName: "Ana Popescu",
      initials: "AP",
      uniqueIdMasked: "**OR-1",
    });
  });

  it("runs an action without parameters on an empty body, with or without a Content-Type, or on null", async () => {
    for (const answer of [
      await callDoor(server.url, LIFECYCLE, undefined, reader),
      await callDoor(server.url, LIFECYCLE, "", reader, { "content-type": "application/json" }),
      await callDoor(server.url, LIFECYCLE, null, reader),
    ]) {
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.stages.map((s: { stage: string }) => s.stage)).toEqual(LIFECYCLE_STAGES);
    }
  });

  it("answers every invalid field at once as an RFC 9457 problem with the request id", async () => {
    const answer = await callDoor(
      server.url,
      CUSTOMER,
      customerData("DOOR-2", { email: "not-an-email", emial: "x" }),
      writer,
      { "x-request-id": "door-test-1" },
    );
    const problem = problemOf(answer, 400);
    expect(problem).toMatchObject({
      type: "urn:account360:problem:bad-request",
      title: "Bad Request",
      requestId: "door-test-1",
    });
    expect(problem.detail).not.toMatch(/^Bad Request/);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(["CustomerInfo.email", "CustomerInfo.emial"]);

    expect(problemOf(await callDoor(server.url, CUSTOMER, "{not json", writer), 400).detail).toMatch(/JSON/);
    const array = problemOf(await callDoor(server.url, CUSTOMER, [1, 2], writer), 400);
    expect(array.errors).toEqual([{ field: "", message: expect.stringContaining("JSON object") }]);
    const missing = problemOf(await callDoor(server.url, HEADER, {}, reader), 400);
    expect(missing.errors.map((e) => e.field)).toEqual(["customerInternalId"]);
  });

  it("refuses text PostgreSQL cannot store with a 400 naming the field, not a 500", async () => {
    const nul = await callDoor(
      server.url,
      CUSTOMER,
      customerData("DOOR-5", { lastName: "Pope\u0000scu" }),
      writer,
    );
    expect(problemOf(nul, 400).errors.map((e) => e.field)).toEqual(["CustomerInfo.lastName"]);
  });

  it("answers 404 for an unknown action and for an unknown customer", async () => {
    const unknown = problemOf(await callDoor(server.url, "FTOS_ACC_NoSuchAction", {}, reader), 404);
    expect(unknown.detail).toContain("FTOS_ACC_NoSuchAction");
    // Under the prefix every POST is the door's: no name, or a path below a name, is a problem too.
    expect(problemOf(await callDoor(server.url, "", {}, reader), 404).detail).toContain("{ActionName}");
    expect(problemOf(await callDoor(server.url, `${HEADER}/more`, {}, reader), 404).detail).toContain(HEADER);
    expect(
      problemOf(await callDoor(server.url, HEADER, { customerInternalId: UNKNOWN_ID }, reader), 404).type,
    ).toBe("urn:account360:problem:not-found");
  });

  it("answers 401 without a valid bearer token and 403 outside the caller's roles", async () => {
    const data = { customerInternalId: UNKNOWN_ID };
    problemOf(await callDoor(server.url, HEADER, data, null), 401);
    problemOf(await callDoor(server.url, HEADER, data, "B".repeat(43)), 401);
    const refused = problemOf(await callDoor(server.url, CUSTOMER, customerData("DOOR-3"), reader), 403);
    expect(refused.detail).toContain("write access needed");
    problemOf(await callDoor(server.url, HEADER, data, writer), 403);
  });

  it("checks the name and the token before reading a byte of the body", async () => {
    const withoutBody = (path: string, headers: Record<string, string>) =>
      rawRequest(server.url, { path, headers, bodyBytes: 30_000, stallAfter: 0, timeoutMs: 5_000 });
    const cases: [string, Record<string, string>, number][] = [
      ["FTOS_ACC_NoSuchAction", { Authorization: `Bearer ${reader}` }, 404],
      [HEADER, {}, 401],
      [HEADER, { Authorization: "Bearer not-a-token" }, 401],
      [CUSTOMER, { Authorization: `Bearer ${reader}` }, 403],
    ];
    for (const [name, headers, status] of cases) {
      const outcome = await withoutBody(`${ACTIONS}${name}`, headers);
      expect(outcome.status, `${name} ${JSON.stringify(headers)}`).toBe(status);
      expect(outcome.received).toContain("application/problem+json");
      expect(outcome.bodyBytesSent).toBe(0);
    }
  });

  it("answers 415 for a body that is not JSON and 413 for a body over MAX_BODY_BYTES", async () => {
    const text = await callDoor(server.url, HEADER, "customerInternalId=1", reader, {
      "content-type": "text/plain",
    });
    expect(problemOf(text, 415).title).toBe("Unsupported Media Type");
    const large = { customerInternalId: UNKNOWN_ID, padding: "x".repeat(70_000) };
    expect(problemOf(await callDoor(server.url, HEADER, large, reader), 413).title).toBe("Payload Too Large");
  });

  it("matches the name as callAction does (any case, a trailing slash) and runs legacy names, deprecated", async () => {
    const lower = await fetch(`${actionUrl(server.url, LIFECYCLE.toLowerCase())}/`, {
      method: "POST",
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(lower.status).toBe(200);
    expect(lower.headers.get("deprecation")).toBeNull();

    const legacy = await callDoor(
      server.url,
      "FTOS_CB_AddUpdateIndividualCustomer",
      customerData("DOOR-4"),
      writer,
    );
    expect(legacy.status).toBe(200);
    expect(legacy.body.operation).toBe("created");
    expect(legacy.headers.get("deprecation")).toBe(LEGACY_DEPRECATED_SINCE);
    expect(legacy.headers.get("link")).toBe(
      `<${ACTIONS}${CUSTOMER}>; rel="successor-version"; title="${CUSTOMER}"`,
    );
    const refused = await callDoor(server.url, "FTOS_CB_AddUpdateIndividualCustomer", {}, writer);
    problemOf(refused, 400);
    expect(refused.headers.get("deprecation")).toBe(LEGACY_DEPRECATED_SINCE);
  });

  it("is only POST", async () => {
    const answer = await fetch(actionUrl(server.url, LIFECYCLE), {
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(answer.status).toBe(404);
  });
});

describe("before the database is open", () => {
  it("answers 503 with Retry-After, as a problem", async () => {
    const env = loadEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", PGLITE_DIR: "memory://" });
    const running = await startServer({
      env,
      database: false,
      readiness: async () => false,
      extraRoutes: (_deps, actions) =>
        bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES })(() => null, actions),
    });
    try {
      const answer = await callDoor(running.url, LIFECYCLE, undefined, "A".repeat(43));
      expect(problemOf(answer, 503).title).toBe("Service Unavailable");
      expect(answer.headers.get("retry-after")).toBe("1");
      problemOf(await callDoor(running.url, "FTOS_ACC_NoSuchAction", undefined, null), 404);
    } finally {
      await running.stop();
    }
  });
});
