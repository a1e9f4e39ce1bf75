import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  callAction,
  dataOf,
  post,
  postChunked,
  startOneProcess,
  type TestServer,
} from "./test/bridge-server";
import { CUSTOMER, customerData, LIFECYCLE_STAGES } from "./test/fixtures";

const MAX_BODY_BYTES = 4096;
let server: TestServer;
let token = "";
const teller = () => ({ userName: "env.teller", token });

beforeAll(async () => {
  server = await startOneProcess({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
  token = await server.userToken("env.teller", ["writer", "reader"]);
});
afterAll(async () => {
  await server?.stop();
});

/** The failure envelope every error shares; answers the message after the prefix. */
function expectFailure(answer: Answer, status: number, prefix: string): string {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  const { body } = answer;
  expect(body).toEqual({
    IsSuccess: false,
    Message: expect.stringMatching(new RegExp(`^${prefix} - \\S`)),
    ErrorCode: status,
    RequestId: answer.headers.get("x-request-id"),
    UIResult: { IsSuccess: false, Message: body.Message, Data: null, Errors: expect.any(Array) },
  });
  // One prefix, not the status name twice.
  expect(body.Message.slice(prefix.length + 3).startsWith(prefix)).toBe(false);
  return body.Message.slice(prefix.length + 3);
}

describe("Data", () => {
  it("is accepted as a JSON string, as an object, and as null for the lifecycle overview", async () => {
    const asString = await callAction(
      server.url,
      CUSTOMER,
      { CustomerInfo: customerData("DATA-1").CustomerInfo },
      teller(),
    );
    expect(dataOf(asString)).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    expect(asString.body.Message).toBe("Customer created");
    expect(asString.body.UIResult.Message).toBe("Customer created");
    expect(asString.body).toMatchObject({ IsSuccess: true, ErrorCode: 0, UIResult: { IsSuccess: true } });

    const asObject = await callAction(
      server.url,
      CUSTOMER,
      { CustomerInfo: customerData("DATA-1").CustomerInfo },
      teller(),
      { asObject: true },
    );
    expect(dataOf(asObject)).toEqual({ ...dataOf(asString), operation: "unchanged" });

    const overview = dataOf(await callAction(server.url, "FTOS_ACC_AccountClientLifecycle", null, teller()));
    expect(overview.stages.map((s: { stage: string }) => s.stage)).toEqual(LIFECYCLE_STAGES);
    expect(Date.parse(overview.asOf)).not.toBeNaN();
  });

  it("matches field names and option-set values case-insensitively and stores the canonical spelling", async () => {
    const created = dataOf(
      await callAction(
        server.url,
        CUSTOMER,
        {
          customerinfo: {
            FIRSTNAME: "Dan",
            lastname: "Pop",
            uniqueId: "case-1",
            EMAIL: "dan@Example.RO",
            MobilePhone: "0722000111",
            emailaddresstype: "WORK",
          },
        },
        teller(),
      ),
    );
    const address = dataOf(
      await callAction(
        server.url,
        "FTOS_ACC_CB_AddUpdateCustomerAddress",
        {
          addressInfo: {
            CUSTOMERINTERNALID: created.customerInternalId.toUpperCase(),
            addresstype: "home address",
            Country: "romania",
            district: "Sector 2",
            city: "Bucuresti",
            streetname: "Strada Lalelelor",
            streetNo: "10",
            postalcode: "020101",
          },
        },
        teller(),
      ),
    );
    expect(address).toEqual({ addressIdentifier: expect.any(String), operation: "created" });

    const header = dataOf(
      await callAction(
        server.url,
        "FTOS_ACC_AccountHeader",
        { CustomerInternalId: created.customerInternalId },
        teller(),
      ),
    );
    expect(header).toMatchObject({
      fullName: "Dan Pop",
      email: "dan@example.ro",
      mobilePhone: "+40722000111",
      primaryAddress: { addressType: "Home Address", country: "RO", streetName: "Strada Lalelelor" },
    });
    // The same request again in canonical spelling matches what was stored.
    const again = await callAction(
      server.url,
      CUSTOMER,
      {
        CustomerInfo: {
          firstName: "Dan",
          lastName: "Pop",
          UniqueID: "CASE-1",
          email: "dan@example.ro",
          mobilePhone: "+40722000111",
          emailAddressType: "Work",
        },
      },
      teller(),
    );
    expect(dataOf(again)).toEqual({ customerInternalId: created.customerInternalId, operation: "unchanged" });
  });

  it("rejects an unknown field and names the closest known one", async () => {
    const answer = await callAction(
      server.url,
      CUSTOMER,
      { CustomerInfo: { ...customerData("UNK-1").CustomerInfo, emial: "x@example.ro" } },
      teller(),
    );
    expect(expectFailure(answer, 400, "Bad Request")).toContain("emial");
    expect(answer.body.UIResult.Errors).toContainEqual({
      field: "CustomerInfo.emial",
      message: expect.stringMatching(/did you mean "?email"?/),
    });
    // One sentence, ended once: not "did you mean email?."
    expect(answer.body.Message).not.toMatch(/[.?!]\.$/);
    const widget = await callAction(
      server.url,
      "FTOS_ACC_AccountHeader",
      { customerInternalId: "00000000-0000-4000-8000-000000000000", custId: "x" },
      teller(),
    );
    expect(expectFailure(widget, 400, "Bad Request")).toContain("custId");
    expect(widget.body.Message).not.toMatch(/[.?!]\.$/);
  });

  it("lists every invalid field at once, an unknown one among them, in the caller's spelling", async () => {
    const answer = await callAction(
      server.url,
      CUSTOMER,
      {
        customerInfo: {
          FirstName: "",
          lastName: "Pop",
          UniqueID: "a b",
          EMAIL: "not-an-address",
          mobilePhone: "12",
          phoneNumberType: "Pager",
          nickname: "x",
        },
      },
      teller(),
    );
    expectFailure(answer, 400, "Bad Request");
    expect(answer.body.UIResult.Errors.map((e) => e.field).sort()).toEqual([
      "customerInfo.EMAIL",
      "customerInfo.FirstName",
      "customerInfo.UniqueID",
      "customerInfo.mobilePhone",
      "customerInfo.nickname",
      "customerInfo.phoneNumberType",
    ]);
    for (const error of answer.body.UIResult.Errors) expect(error.message).toMatch(/\w/);
  });

  it("rejects ActionID with a message that says to send ActionName", async () => {
    const body = JSON.stringify({ Request: { ActionID: "42", Data: null }, ApiInfo: teller() });
    const answer = await post(server.url, body);
    expect(expectFailure(answer, 400, "Bad Request")).toMatch(/ActionID.*ActionName/);
    expect(answer.body.UIResult.Errors[0]?.field).toBe("Request.ActionName");
  });

  it("tells the caller to drop a leading ':' in Data", async () => {
    const answer = await callAction(
      server.url,
      "FTOS_ACC_AccountFlags",
      ':{"customerInternalId":"x"}',
      teller(),
    );
    expect(expectFailure(answer, 400, "Bad Request")).toMatch(/drop the leading colon/);
  });

  it("answers 400 for a body that is not JSON and for a Data string that is not JSON", async () => {
    expect(expectFailure(await post(server.url, "{nope"), 400, "Bad Request")).toMatch(/not valid JSON/);
    const answer = await callAction(server.url, CUSTOMER, '{"CustomerInfo": {', teller());
    expectFailure(answer, 400, "Bad Request");
    expect(answer.body.UIResult.Errors).toEqual([{ field: "Request.Data", message: expect.any(String) }]);
  });

  it("answers 404 for an unknown ActionName, naming it", async () => {
    const answer = await callAction(server.url, "FTOS_ACC_NoSuchThing", null, teller());
    expect(expectFailure(answer, 404, "Not Found")).toContain("FTOS_ACC_NoSuchThing");
  });
});

describe("HTTP framing", () => {
  it("answers 413 for a body over MAX_BODY_BYTES, declared or streamed", async () => {
    const big = JSON.stringify({
      Request: { ActionName: CUSTOMER, Data: { CustomerInfo: { firstName: "x".repeat(MAX_BODY_BYTES) } } },
    });
    expectFailure(await post(server.url, big), 413, "Payload Too Large");

    // Chunked, with no Content-Length: refused once the bytes pass the limit.
    const streamed = await postChunked(server.url, big, 1024);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.text)).toMatchObject({ IsSuccess: false, ErrorCode: 413 });
  });

  it("answers 415 for a Content-Type other than JSON", async () => {
    const body = JSON.stringify({ Request: { ActionName: CUSTOMER, Data: null }, ApiInfo: teller() });
    expectFailure(
      await post(server.url, body, { "content-type": "text/plain" }),
      415,
      "Unsupported Media Type",
    );
    expectFailure(
      await post(server.url, body, { "content-type": "application/x-www-form-urlencoded" }),
      415,
      "Unsupported Media Type",
    );
  });

  it("matches the path case-insensitively, with a trailing slash and ?culture=", async () => {
    const body = JSON.stringify({
      Request: { ActionName: "FTOS_ACC_AccountClientLifecycle", Data: null },
      ApiInfo: teller(),
    });
    for (const path of [
      "/API/OPENAPI/CALLACTION",
      "/api/openapi/callaction/",
      "/api/openApi/CallAction/?culture=ro-RO",
    ]) {
      const answer = await post(server.url, body, {}, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body.UIResult.Data.stages).toHaveLength(6);
    }
  });

  it("gives the exact failure envelope, its RequestId the X-Request-Id the caller sent", async () => {
    const answer = await callAction(
      server.url,
      CUSTOMER,
      { CustomerInfo: { ...customerData("SHAPE-1").CustomerInfo, email: "bad", mobilePhone: "bad" } },
      { ...teller(), headers: { "x-request-id": "integrator-trace-42" } },
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get("x-request-id")).toBe("integrator-trace-42");
    expect(answer.body).toEqual({
      IsSuccess: false,
      Message: "Bad Request - 2 fields are invalid: CustomerInfo.email, CustomerInfo.mobilePhone.",
      ErrorCode: 400,
      RequestId: "integrator-trace-42",
      UIResult: {
        IsSuccess: false,
        Message: "Bad Request - 2 fields are invalid: CustomerInfo.email, CustomerInfo.mobilePhone.",
        Data: null,
        Errors: [
          { field: "CustomerInfo.email", message: "email must be a valid e-mail address" },
          { field: "CustomerInfo.mobilePhone", message: expect.stringMatching(/^mobilePhone must be/) },
        ],
      },
    });
  });
});
