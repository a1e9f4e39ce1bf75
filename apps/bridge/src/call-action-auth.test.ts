import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  callAction,
  dataOf,
  post,
  startOneProcess,
  type TestServer,
} from "./test/bridge-server";
import { CUSTOMER, customerData, HEADER } from "./test/fixtures";

let server: TestServer;
let readerToken = "";
let writerToken = "";
let customerId = "";
const reader = () => ({ userName: "auth.reader", token: readerToken });
const writer = () => ({ userName: "auth.writer", token: writerToken });

beforeAll(async () => {
  server = await startOneProcess();
  [readerToken, writerToken] = await Promise.all([
    server.userToken("auth.reader", ["reader"]),
    server.userToken("auth.writer", ["writer"]),
  ]);
  customerId = dataOf(
    await callAction(server.url, CUSTOMER, customerData("AUTH-1"), writer()),
  ).customerInternalId;
});
afterAll(async () => {
  await server?.stop();
});

function expectRefused(answer: Answer, status: 401 | 403, secret?: string) {
  const prefix = status === 401 ? "Unauthorized - " : "Forbidden - ";
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({
    IsSuccess: false,
    ErrorCode: status,
    RequestId: answer.headers.get("x-request-id"),
    UIResult: { IsSuccess: false, Data: null },
  });
  expect(answer.body.Message.startsWith(prefix)).toBe(true);
  expect(answer.body.Message.slice(prefix.length).startsWith(prefix)).toBe(false);
  if (secret) expect(answer.text).not.toContain(secret);
}

describe("callAction authentication", () => {
  it("answers 401 without a token, with a bad token, and with another user's UserName", async () => {
    const header = { customerInternalId: customerId };
    expectRefused(await callAction(server.url, HEADER, header, { userName: "auth.reader" }), 401);
    expectRefused(await callAction(server.url, HEADER, header, {}), 401);
    const bad = "B".repeat(43);
    expectRefused(
      await callAction(server.url, HEADER, header, { userName: "auth.reader", token: bad }),
      401,
      bad,
    );
    expectRefused(
      await callAction(server.url, HEADER, header, { userName: "auth.reader", token: "not a token" }),
      401,
    );
    expectRefused(
      await callAction(server.url, HEADER, header, { userName: "auth.writer", token: readerToken }),
      401,
      readerToken,
    );
    // A write refused for authentication wrote nothing.
    expectRefused(await callAction(server.url, CUSTOMER, customerData("AUTH-ANON"), {}), 401);
    const later = await callAction(server.url, CUSTOMER, customerData("AUTH-ANON"), writer());
    expect(dataOf(later).operation).toBe("created");
  });

  it("accepts an Authorization: Bearer header instead of ApiInfo.Token", async () => {
    const viaHeader = await callAction(
      server.url,
      HEADER,
      { customerInternalId: customerId },
      { userName: "auth.reader", headers: { authorization: `Bearer ${readerToken}` } },
    );
    expect(dataOf(viaHeader)).toMatchObject({ customerInternalId: customerId, fullName: "Ana Popescu" });
    const withoutUserName = await callAction(
      server.url,
      HEADER,
      { customerInternalId: customerId },
      { headers: { authorization: `bearer ${readerToken}` } },
    );
    expect(dataOf(withoutUserName).customerInternalId).toBe(customerId);
    // The header's token is still checked against the UserName.
    expectRefused(
      await callAction(
        server.url,
        HEADER,
        { customerInternalId: customerId },
        { userName: "auth.writer", headers: { authorization: `Bearer ${readerToken}` } },
      ),
      401,
    );
  });

  it("answers 403 to a reader writing and to a writer reading a widget, and writes nothing", async () => {
    const write = await callAction(
      server.url,
      CUSTOMER,
      customerData("AUTH-1", { firstName: "Changed" }),
      reader(),
    );
    expectRefused(write, 403);
    expectRefused(await callAction(server.url, HEADER, { customerInternalId: customerId }, writer()), 403);
    expectRefused(await callAction(server.url, "FTOS_ACC_AccountClientLifecycle", null, writer()), 403);
    const header = dataOf(await callAction(server.url, HEADER, { customerInternalId: customerId }, reader()));
    expect(header.fullName).toBe("Ana Popescu");
  });
});

describe("legacy action names", () => {
  it("run the new actions, with Deprecation, Link and a Message naming the replacement", async () => {
    const legacyCustomer = await callAction(
      server.url,
      "FTOS_CB_AddUpdateIndividualCustomer",
      customerData("LEGACY-1"),
      writer(),
    );
    const created = dataOf(legacyCustomer);
    expect(created).toEqual({ customerInternalId: expect.any(String), operation: "created" });

    const address = {
      AddressInfo: {
        customerInternalId: created.customerInternalId,
        addressType: "Home Address",
        country: "RO",
        district: "Sector 3",
        city: "Bucuresti",
        streetName: "Strada Unirii",
        streetNo: "5",
        postalCode: "030101",
      },
    };
    const legacyAddress = await callAction(server.url, "FTOS_CB_AddUpdateCustomerAddress", address, writer());
    expect(dataOf(legacyAddress)).toEqual({ addressIdentifier: expect.any(String), operation: "created" });
    // The new name finds the same record: one implementation behind both names.
    const current = await callAction(server.url, "FTOS_ACC_CB_AddUpdateCustomerAddress", address, writer());
    expect(dataOf(current)).toEqual({ ...dataOf(legacyAddress), operation: "unchanged" });
    expect(current.headers.get("deprecation")).toBeNull();

    const legacyRepresentative = await callAction(
      server.url,
      "FTOS_CB_AddUpdateCustomerRepresentative",
      {
        CustomerRepresentativeInfo: {
          customerInternalId: created.customerInternalId,
          customerRepresentativeNo: customerId,
          accountRelationType: "Relative",
        },
      },
      writer(),
    );
    expect(dataOf(legacyRepresentative).operation).toBe("created");

    for (const [answer, replacement] of [
      [legacyCustomer, "FTOS_ACC_CB_AddUpdateIndividualCustomer"],
      [legacyAddress, "FTOS_ACC_CB_AddUpdateCustomerAddress"],
      [legacyRepresentative, "FTOS_ACC_CB_AddUpdateCustomerRepresentative"],
    ] as const) {
      const deprecation = answer.headers.get("deprecation") ?? "";
      expect(deprecation).toMatch(/^@\d+$/);
      // A moment in the past (RFC 9745: deprecated since then), not milliseconds.
      expect(Number(deprecation.slice(1))).toBeLessThan(Date.now() / 1000);
      expect(Number(deprecation.slice(1))).toBeGreaterThan(1_600_000_000);
      expect(answer.headers.get("link")).toMatch(/^<[^>]+>;\s*rel="?[\w-]+"?/);
      expect(answer.headers.get("link")).toContain(replacement);
      expect(answer.body.Message).toContain(replacement);
      expect(answer.body.UIResult.Message).toBe(answer.body.Message);
    }
  });

  it("mark a refused legacy call as deprecated too, so the integrator learns of it either way", async () => {
    const answer = await callAction(
      server.url,
      "FTOS_CB_AddUpdateIndividualCustomer",
      { CustomerInfo: { firstName: "Ana" } },
      writer(),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toMatch(/^Bad Request - /);
    expect(answer.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(answer.headers.get("link")).toContain("FTOS_ACC_CB_AddUpdateIndividualCustomer");
  });
});

describe("unexpected failures", () => {
  it("answer 500 with no SQL, stack or table name, and the RequestId that finds them in the log", async () => {
    const db = server.deps?.db;
    if (!db) throw new Error("no database");
    await db.execute("alter table audit_log rename to audit_log_hidden");
    let answer: Answer;
    try {
      answer = await callAction(server.url, CUSTOMER, customerData("BROKEN-1"), {
        ...writer(),
        headers: { "x-request-id": "trace-500" },
      });
    } finally {
      await db.execute("alter table audit_log_hidden rename to audit_log");
    }
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      IsSuccess: false,
      Message: expect.stringMatching(/^Internal Error - /),
      ErrorCode: 500,
      RequestId: "trace-500",
      UIResult: { IsSuccess: false, Message: answer.body.Message, Data: null, Errors: [] },
    });
    expect(answer.text).not.toMatch(/audit_log|insert|select|relation|postgres|pglite|\bat \w+ \(|\.ts:\d+/i);

    // A failed write changed nothing: the same customer is still new.
    const retried = await callAction(server.url, CUSTOMER, customerData("BROKEN-1"), writer());
    expect(dataOf(retried).operation).toBe("created");
  });

  it("never answers anything but the envelope, even for a route's internal error path", async () => {
    const answer = await post(server.url, JSON.stringify([1, 2, 3]));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body).sort()).toEqual([
      "ErrorCode",
      "IsSuccess",
      "Message",
      "RequestId",
      "UIResult",
    ]);
  });
});
