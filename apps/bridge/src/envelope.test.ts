import { AppError } from "@account360/core";
import { describe, expect, it } from "vitest";
import { failureAnswer, parseEnvelope } from "./envelope";

const body = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parseEnvelope", () => {
  const api = { UserName: "teller", Token: "t0k" };

  it("accepts Data as a JSON string, an object or null", () => {
    const asString = parseEnvelope(
      body({ Request: { ActionName: "A", Data: '{"x":1}' }, ApiInfo: api }),
      null,
    );
    const asObject = parseEnvelope(
      body({ Request: { ActionName: "A", Data: { x: 1 } }, ApiInfo: api }),
      null,
    );
    const asNull = parseEnvelope(body({ Request: { ActionName: "A", Data: null }, ApiInfo: api }), null);
    expect(asString).toEqual({ actionName: "A", data: { x: 1 }, userName: "teller", token: "t0k" });
    expect(asObject.data).toEqual({ x: 1 });
    expect(asNull.data).toBeNull();
  });

  it("takes the token from the Authorization header when ApiInfo has none", () => {
    const parsed = parseEnvelope(body({ Request: { ActionName: "A", Data: null } }), "hdr");
    expect(parsed.token).toBe("hdr");
    expect(parsed.userName).toBeNull();
  });

  it("refuses a header token that differs from ApiInfo.Token (401), and takes one sent in both", () => {
    const envelope = body({ Request: { ActionName: "A", Data: null }, ApiInfo: api });
    expect(rejection(() => parseEnvelope(envelope, "other")).code).toBe("UNAUTHORIZED");
    expect(parseEnvelope(envelope, "t0k").token).toBe("t0k");
  });

  it("refuses a key given twice in two spellings, and UserName or Token that are not strings", () => {
    const twice = rejection(() =>
      parseEnvelope(body({ Request: { ActionName: "A", actionName: "B", Data: null } }), null),
    );
    expect(twice.fieldErrors).toEqual([
      {
        field: "Request.ActionName",
        message: "Request.ActionName is given twice (as ActionName and actionName).",
      },
    ]);
    const number = rejection(() =>
      parseEnvelope(body({ Request: { ActionName: "A", Data: null }, ApiInfo: { UserName: 7 } }), null),
    );
    expect(number.fieldErrors).toEqual([
      { field: "ApiInfo.UserName", message: "ApiInfo.UserName must be a string." },
    ]);
  });

  it("refuses bytes that are not UTF-8 rather than reading them as U+FFFD", () => {
    const bytes = Buffer.concat([
      Buffer.from('{"Request":{"ActionName":"A'),
      Buffer.from([0xff]),
      Buffer.from('"}}'),
    ]);
    expect(rejection(() => parseEnvelope(bytes, null)).message).toBe("The request body is not valid UTF-8.");
  });

  it("rejects a body that is not JSON, and a Data string that is not JSON, as 400", () => {
    expect(rejection(() => parseEnvelope(body("{nope"), null)).code).toBe("BAD_REQUEST");
    const data = rejection(() => parseEnvelope(body({ Request: { ActionName: "A", Data: "{bad" } }), null));
    expect(data.code).toBe("BAD_REQUEST");
    expect(data.fieldErrors[0]?.field).toBe("Request.Data");
  });

  it("tells the caller to drop a leading colon in Data", () => {
    const error = rejection(() =>
      parseEnvelope(body({ Request: { ActionName: "A", Data: ':{"customerInternalId":"x"}' } }), null),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/drop the leading colon/);
  });

  it("rejects ActionID with a message that says to send ActionName", () => {
    const error = rejection(() => parseEnvelope(body({ Request: { ActionID: "123", Data: null } }), null));
    expect(error.message).toMatch(/ActionID is not supported.*ActionName/);
    expect(error.fieldErrors[0]?.field).toBe("Request.ActionName");
  });

  it("rejects Data that holds an array or a number", () => {
    expect(
      rejection(() => parseEnvelope(body({ Request: { ActionName: "A", Data: "[1]" } }), null)).code,
    ).toBe("BAD_REQUEST");
    expect(rejection(() => parseEnvelope(body({ Request: { ActionName: "A", Data: 5 } }), null)).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("failureAnswer", () => {
  it("uses the HTTP status as ErrorCode and the status name as the message prefix", () => {
    const answer = failureAnswer(
      new AppError("CONFLICT", "UniqueID belongs to another customer.", [
        { field: "CustomerInfo.UniqueID", message: "taken" },
      ]),
      "req-1",
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      IsSuccess: false,
      Message: "Conflict - UniqueID belongs to another customer.",
      ErrorCode: 409,
      RequestId: "req-1",
      UIResult: {
        IsSuccess: false,
        Message: "Conflict - UniqueID belongs to another customer.",
        Data: null,
        Errors: [{ field: "CustomerInfo.UniqueID", message: "taken" }],
      },
    });
  });
});
