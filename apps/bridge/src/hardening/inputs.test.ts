import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import {
  type Answer,
  CALL_ACTION,
  createCustomer,
  type EnvelopeBody,
  envelope,
  envelopeProblems,
  GET_TOKEN,
  PASSWORD,
  send,
} from "../test/hardening/harness";
import { logSink } from "../test/hardening/log-sink";
import { samples } from "../test/hardening/samples";

/**
 * Inputs that got through (issue 12, item 8), each now a 400 (or 401) naming what is wrong, on
 * callAction, tRPC and GetToken, and nothing stored.
 */

const log = logSink("debug");
const server = hardenedServerForFile({ LOG_LEVEL: "debug" }, log.logger);
let token = "";

beforeAll(async () => {
  token = await server.userToken("inputs.writer", ["writer", "reader"]);
});

const apiInfo = () => ({ UserName: "inputs.writer", Token: token });
const errorsOf = (answer: Answer) => (JSON.parse(answer.text) as EnvelopeBody).UIResult.Errors;
const messageOf = (answer: Answer) => (JSON.parse(answer.text) as EnvelopeBody).Message;

/** A callAction body whose firstName's bytes are replaced by `bytes`: raw bytes JSON cannot spell. */
function withRawBytesInName(bytes: Buffer): Buffer {
  const data = samples.customer("INPUTS-UTF8");
  data.CustomerInfo.firstName = "@@NAME@@";
  const [before, after] = envelope("FTOS_ACC_CB_AddUpdateIndividualCustomer", data, apiInfo()).split(
    "@@NAME@@",
  );
  return Buffer.concat([Buffer.from(before ?? ""), bytes, Buffer.from(after ?? "")]);
}

describe("bytes that are not UTF-8", () => {
  it("are a 400 on callAction, tRPC and GetToken, not U+FFFD stored", async () => {
    const before = await server.fingerprint();
    for (const bytes of [
      Buffer.from([0x41, 0xff, 0x42]),
      Buffer.from([0xc3]),
      Buffer.from([0xed, 0xa0, 0x80]),
    ]) {
      const viaEnvelope = await send(server.url, { path: CALL_ACTION, body: withRawBytesInName(bytes) });
      expect(viaEnvelope.status).toBe(400);
      expect(envelopeProblems(viaEnvelope)).toEqual([]);
      expect(messageOf(viaEnvelope)).toBe("Bad Request - The request body is not valid UTF-8.");

      const data = Buffer.concat([Buffer.from('{"CustomerInfo":{"firstName":"'), bytes, Buffer.from('"}}')]);
      const viaTrpc = await send(server.url, {
        path: "/trpc/customers.upsertIndividual",
        body: data,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(viaTrpc.status).toBe(400);
      expect(JSON.parse(viaTrpc.text)).toMatchObject({
        error: { message: "The request body is not valid UTF-8." },
      });

      const login = Buffer.concat([
        Buffer.from('{"username":"inputs.writer'),
        bytes,
        Buffer.from(`","password":"${PASSWORD}"}`),
      ]);
      const viaLogin = await send(server.url, { path: GET_TOKEN, body: login });
      expect(viaLogin.status).toBe(400);
    }
    expect(await server.fingerprint()).toBe(before);
  });
});

describe("ApiInfo", () => {
  it("with UserName or Token of another JSON type is a 400 naming it", async () => {
    for (const [field, value] of [
      ["UserName", 42],
      ["UserName", ["inputs.writer"]],
      ["UserName", { name: "inputs.writer" }],
      ["UserName", true],
      ["Token", 123],
      ["Token", [token]],
    ] as const) {
      const answer = await send(server.url, {
        path: CALL_ACTION,
        body: envelope("FTOS_ACC_AccountClientLifecycle", null, { ...apiInfo(), [field]: value }),
      });
      expect(answer.status, `${field} = ${JSON.stringify(value)}`).toBe(400);
      expect(envelopeProblems(answer)).toEqual([]);
      expect(errorsOf(answer)).toEqual([
        { field: `ApiInfo.${field}`, message: `ApiInfo.${field} must be a string.` },
      ]);
    }
  });

  it("whose Token differs from the Authorization header's is a 401, either one valid", async () => {
    const other = await server.userToken("inputs.other", ["reader"]);
    for (const [header, body] of [
      [token, other],
      [other, token],
      [token, "not-the-same-token"],
    ]) {
      const answer = await send(server.url, {
        path: CALL_ACTION,
        body: envelope("FTOS_ACC_AccountClientLifecycle", null, { Token: body }),
        headers: { authorization: `Bearer ${header}` },
      });
      expect(answer.status).toBe(401);
      expect(envelopeProblems(answer)).toEqual([]);
      expect(messageOf(answer)).toMatch(/^Unauthorized - the Authorization header and ApiInfo\.Token/);
      expect(answer.text).not.toContain(token);
      expect(answer.text).not.toContain(other);
    }
    // The same token in both is fine.
    const same = await send(server.url, {
      path: CALL_ACTION,
      body: envelope("FTOS_ACC_AccountClientLifecycle", null, apiInfo()),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(same.status).toBe(200);
  });
});

describe("envelope keys given twice in different case", () => {
  it("are a 400 naming the key, at every level of the envelope", async () => {
    const request = { ActionName: "FTOS_ACC_AccountClientLifecycle", Data: null };
    const cases: [string, string][] = [
      [
        JSON.stringify({
          Request: request,
          request: { ActionName: "Other", Data: null },
          ApiInfo: apiInfo(),
        }),
        "Request",
      ],
      [
        JSON.stringify({ Request: { ...request, actionname: "Other" }, ApiInfo: apiInfo() }),
        "Request.ActionName",
      ],
      [JSON.stringify({ Request: { ...request, DATA: "{}" }, ApiInfo: apiInfo() }), "Request.Data"],
      [JSON.stringify({ Request: request, ApiInfo: apiInfo(), apiinfo: {} }), "ApiInfo"],
      [
        JSON.stringify({ Request: request, ApiInfo: { ...apiInfo(), username: "someone" } }),
        "ApiInfo.UserName",
      ],
      [JSON.stringify({ Request: request, ApiInfo: { ...apiInfo(), TOKEN: "x" } }), "ApiInfo.Token"],
    ];
    for (const [body, field] of cases) {
      const answer = await send(server.url, { path: CALL_ACTION, body });
      expect(answer.status, field).toBe(400);
      expect(envelopeProblems(answer)).toEqual([]);
      expect(errorsOf(answer)).toEqual([
        { field, message: expect.stringMatching(/is given twice \(as .+ and .+\)/) },
      ]);
    }
  });
});

describe("names with invisible characters", () => {
  const invisible = {
    "right-to-left override": "\u202E",
    "left-to-right embedding": "\u202A",
    "first-strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
    "zero-width space": "\u200B",
    "zero-width joiner": "\u200D",
    "word joiner": "\u2060",
    "byte-order mark": "\uFEFF",
  };

  it("are a 400 like control characters, on callAction and tRPC, and store nothing", async () => {
    const before = await server.fingerprint();
    for (const [label, char] of Object.entries(invisible)) {
      const data = samples.customer("INPUTS-BIDI");
      data.CustomerInfo.firstName = `A${char}na`;
      data.CustomerInfo.lastName = `Pop${char}escu`;
      const answer = await send(server.url, {
        path: CALL_ACTION,
        body: envelope("FTOS_ACC_CB_AddUpdateIndividualCustomer", data, apiInfo()),
      });
      expect(answer.status, label).toBe(400);
      expect(errorsOf(answer)).toEqual([
        {
          field: "CustomerInfo.firstName",
          message: "firstName must not contain control or invisible characters",
        },
        {
          field: "CustomerInfo.lastName",
          message: "lastName must not contain control or invisible characters",
        },
      ]);
      const viaTrpc = await send(server.url, {
        path: "/trpc/customers.upsertIndividual",
        body: JSON.stringify(data),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(viaTrpc.status, label).toBe(400);
    }
    expect(await server.fingerprint()).toBe(before);
  });

  it("are a 400 in an address and an ingested row too: one rule for all text", async () => {
    const customerId = await createCustomer(server, "INPUTS-OK", apiInfo());
    const address = samples.address(customerId);
    address.AddressInfo.city = "Bucu\u202Eresti";
    const answer = await send(server.url, {
      path: CALL_ACTION,
      body: envelope("FTOS_ACC_CB_AddUpdateCustomerAddress", address, apiInfo()),
    });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)).toEqual([
      { field: "AddressInfo.city", message: "city must not contain control or invisible characters" },
    ]);
    const row = {
      externalId: "T-1",
      customerInternalId: customerId,
      title: "Call\u200Bback",
      status: "open",
    };
    const ingest = await send(server.url, {
      path: "/trpc/ingest.tasks",
      body: JSON.stringify({ rows: [row] }),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ingest.status).toBe(400);
    expect(ingest.text).toContain("must not contain control or invisible characters");
  });
});

describe("GetToken", () => {
  it("answers a NUL or another control character in the username with a 400, and logs no SQL parameter", async () => {
    const typedIn = `${PASSWORD}-typed-into-the-username`;
    for (const username of [`inputs.writer\u0000`, `\u0000${typedIn}`, `inputs\u0007writer`, `a\u202Eb`]) {
      const answer = await send(server.url, {
        path: GET_TOKEN,
        body: JSON.stringify({ username, password: PASSWORD }),
        localAddress: "127.0.70.1",
      });
      expect(answer.status, JSON.stringify(username)).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({
        errors: [{ field: "username", message: "username must not contain control or invisible characters" }],
      });
    }
    expect(log.text()).not.toContain(typedIn);
    expect(log.text()).not.toContain(PASSWORD);
    // A NUL in client_id would have reached the database too.
    const clientId = await send(server.url, {
      path: GET_TOKEN,
      body: JSON.stringify({ username: "inputs.writer", password: PASSWORD, client_id: "app\u0000" }),
      localAddress: "127.0.70.2",
    });
    expect(clientId.status).toBe(400);
    expect(JSON.parse(clientId.text)).toMatchObject({ errors: [{ field: "client_id" }] });
  });
});
