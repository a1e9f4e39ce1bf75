import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  type Caller,
  callAction,
  dataOf,
  startApiOnly,
  startBridgeApart,
  startInProcessBridge,
  type TestServer,
} from "./test/bridge-server";
import { CUSTOMER, customerData, HEADER } from "./test/fixtures";
import { callDoor, type DoorAnswer } from "./test/second-door";

/**
 * The bridge as its own server (API_URL): no database, every action forwarded over HTTP to the
 * API server's tRPC. Its answers must be the in-process bridge's, on the same database.
 */

let api: TestServer;
let apart: { url: string; stop: () => Promise<void> };
let inProcess: { url: string; stop: () => Promise<void> };
let writer: Caller;
let reader: Caller;

beforeAll(async () => {
  api = await startApiOnly();
  if (!api.deps) throw new Error("the API server has no database");
  [apart, inProcess] = await Promise.all([startBridgeApart(api.url), startInProcessBridge(api.deps)]);
  const [writerToken, readerToken] = await Promise.all([
    api.userToken("apart.writer", ["writer"]),
    api.userToken("apart.reader", ["reader"]),
  ]);
  writer = { userName: "apart.writer", token: writerToken };
  reader = { userName: "apart.reader", token: readerToken };
});
afterAll(async () => {
  await Promise.all([apart?.stop(), inProcess?.stop()]);
  await api?.stop();
});

/** The envelope without what differs per request (RequestId, asOf). */
function comparable(answer: Answer) {
  const { RequestId, ...rest } = answer.body;
  expect(RequestId).toBe(answer.headers.get("x-request-id"));
  const data = rest.UIResult.Data;
  const withoutAsOf = data && typeof data === "object" ? { ...data, asOf: "<asOf>" } : data;
  return { status: answer.status, ...rest, UIResult: { ...rest.UIResult, Data: withoutAsOf } };
}

/** The same call through the bridge apart and in-process: the answers must be identical. */
async function both(action: string, data: unknown, caller: Caller) {
  const viaHttp = await callAction(apart.url, action, data, caller);
  const local = await callAction(inProcess.url, action, data, caller);
  expect(comparable(viaHttp)).toEqual(comparable(local));
  return viaHttp;
}

describe("the bridge apart from the API", () => {
  it("is ready while the API server is, and serves no database routes of its own", async () => {
    expect((await fetch(`${apart.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${apart.url}/healthz`)).status).toBe(200);
    const login = await fetch(`${apart.url}/api/Authorize/GetToken`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(login.status).toBe(404);
  });

  it("answers a write exactly as in-process, on the same records", async () => {
    const created = await callAction(apart.url, CUSTOMER, customerData("APART-1"), writer);
    expect(dataOf(created)).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    expect(created.body.Message).toBe("Customer created");
    const id = dataOf(created).customerInternalId;

    // Identical from here on through either path: unchanged, then updated and unchanged.
    expect(dataOf(await both(CUSTOMER, customerData("APART-1"), writer))).toEqual({
      customerInternalId: id,
      operation: "unchanged",
    });
    const updated = await callAction(
      inProcess.url,
      CUSTOMER,
      customerData("APART-1", { firstName: "Elena" }),
      writer,
    );
    expect(dataOf(updated).operation).toBe("updated");
    expect(
      dataOf(await both(CUSTOMER, customerData("APART-1", { firstName: "Elena" }), writer)).operation,
    ).toBe("unchanged");

    const legacy = await both(
      "FTOS_CB_AddUpdateIndividualCustomer",
      customerData("APART-1", { firstName: "Elena" }),
      writer,
    );
    expect(legacy.headers.get("deprecation")).toMatch(/^@\d+$/);
  });

  it("answers widgets exactly as in-process", async () => {
    const id = dataOf(
      await callAction(apart.url, CUSTOMER, customerData("APART-2", { firstName: "Ioana" }), writer),
    ).customerInternalId;
    const header = dataOf(await both("FTOS_ACC_AccountHeader", { customerInternalId: id }, reader));
    expect(header).toMatchObject({ customerInternalId: id, fullName: "Ioana Popescu", initials: "IP" });
    const overview = dataOf(await both("FTOS_ACC_AccountClientLifecycle", null, reader));
    expect(overview.stages).toHaveLength(6);
    const profile = dataOf(await both("FTOS_ACC_ProfileComplete", { CUSTOMERINTERNALID: id }, reader));
    expect(profile).toMatchObject({ percentage: 55, band: "red", next: { field: "address", weight: 15 } });
  });

  it("keeps every error's status, message and field errors", async () => {
    const invalid = await both(
      CUSTOMER,
      {
        customerInfo: {
          FirstName: "",
          lastName: "Pop",
          UniqueID: "x y",
          EMAIL: "bad",
          mobilePhone: "1",
          nick: "x",
        },
      },
      writer,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.UIResult.Errors.map((e) => e.field).sort()).toEqual([
      "customerInfo.EMAIL",
      "customerInfo.FirstName",
      "customerInfo.UniqueID",
      "customerInfo.mobilePhone",
      "customerInfo.nick",
    ]);

    const first = dataOf(await callAction(apart.url, CUSTOMER, customerData("APART-3"), writer));
    const second = dataOf(await callAction(apart.url, CUSTOMER, customerData("APART-4"), writer));
    const conflict = await both(
      CUSTOMER,
      {
        CustomerInfo: {
          ...customerData("APART-3").CustomerInfo,
          customerInternalId: second.customerInternalId,
        },
      },
      writer,
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.UIResult.Errors).toEqual([
      { field: "CustomerInfo.UniqueID", message: expect.any(String) },
    ]);
    expect(first.customerInternalId).not.toBe(second.customerInternalId);

    const unknown = { customerInternalId: "00000000-0000-4000-8000-000000000000" };
    expect((await both("FTOS_ACC_AccountFlags", unknown, reader)).status).toBe(404);
    expect((await both("FTOS_ACC_AccountFlags", unknown, writer)).status).toBe(403);
    expect(
      (await both("FTOS_ACC_AccountFlags", unknown, { ...reader, userName: "apart.writer" })).status,
    ).toBe(401);
    expect((await both("FTOS_ACC_AccountFlags", unknown, { userName: "apart.reader" })).status).toBe(401);
    const range = {
      customerInternalId: first.customerInternalId,
      startDate: "2025-02-01",
      endDate: "2025-01-01",
    };
    const badRange = await both("FTOS_ACC_AccountRevenuesPI", range, reader);
    expect(badRange.status).toBe(400);
    expect(badRange.body.UIResult.Errors).toEqual([{ field: "startDate", message: expect.any(String) }]);
  });

  it("answers the second door exactly as in-process, its refusals included", async () => {
    const door = async (name: string, data: unknown, token: string | null) => {
      const [viaHttp, local] = await Promise.all([
        callDoor(apart.url, name, data, token),
        callDoor(inProcess.url, name, data, token),
      ]);
      const comparable = (answer: DoorAnswer) => ({
        status: answer.status,
        type: answer.headers.get("content-type"),
        body:
          answer.status === 200 ? { ...answer.body, asOf: "<asOf>" } : { ...answer.body, requestId: "<id>" },
      });
      expect(comparable(viaHttp), name).toEqual(comparable(local));
      return viaHttp;
    };
    const created = await callDoor(apart.url, CUSTOMER, customerData("APART-DOOR"), writer.token ?? null);
    expect(created.body).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    const id = created.body.customerInternalId;
    expect((await door(CUSTOMER, customerData("APART-DOOR"), writer.token ?? null)).body.operation).toBe(
      "unchanged",
    );
    expect((await door(HEADER, { customerInternalId: id }, reader.token ?? null)).body.initials).toBe("AP");
    expect((await door(HEADER, { customerInternalId: id }, null)).status).toBe(401);
    expect((await door(HEADER, { customerInternalId: id }, "B".repeat(43))).status).toBe(401);
    expect((await door(CUSTOMER, customerData("APART-DOOR"), reader.token ?? null)).status).toBe(403);
    expect((await door(HEADER, { customerInternalId: id, emial: 1 }, reader.token ?? null)).status).toBe(400);
  });

  it("answers 503 and turns unready when the API server is gone", async () => {
    await api.stop();
    expect((await fetch(`${apart.url}/readyz`)).status).toBe(503);
    const answer = await callAction(apart.url, "FTOS_ACC_AccountClientLifecycle", null, reader);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ IsSuccess: false, ErrorCode: 503, UIResult: { Data: null } });
    expect(answer.body.Message).toMatch(/^Service Unavailable - /);
    expect(answer.text).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1/);
  });
});
