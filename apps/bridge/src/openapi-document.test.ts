import { loadEnv, startServer } from "@account360/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bridgeRoutes } from "./bridge-routes";
import { actions } from "./test/actions";

// The document needs no database: a server without one, with the routes main.ts adds.
let stop: () => Promise<void>;
let url = "";
// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON
let doc: any;

beforeAll(async () => {
  const env = loadEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", PGLITE_DIR: "memory://" });
  const running = await startServer({
    env,
    database: false,
    readiness: async () => true,
    extraRoutes: bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES }),
  });
  stop = running.stop;
  url = running.url;
  const response = await fetch(`${url}/api/openApi/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  doc = await response.json();
});
afterAll(async () => {
  await stop?.();
});

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const WRITES = [
  "FTOS_ACC_CB_AddUpdateIndividualCustomer",
  "FTOS_ACC_CB_AddUpdateCustomerAddress",
  "FTOS_ACC_CB_AddUpdateCustomerRepresentative",
  "FTOS_ACC_CreateUpdateApplication",
  "FTOS_ACC_AddUpdateCustomerAgreement",
];
const WIDGETS = [
  "FTOS_ACC_AccountClientLifecycle",
  "FTOS_ACC_AccountFlags",
  "FTOS_ACC_AccountHeader",
  "FTOS_ACC_AccountPicture",
  "FTOS_ACC_AccountPendingActivities",
  "FTOS_ACC_ProductPortfolio",
  "FTOS_ACC_GetProductSuggestions",
  "FTOS_ACC_ProfileComplete",
  "FTOS_ACC_AccountProfitabilityPI",
  "FTOS_ACC_AccountRecentInteractions",
  "FTOS_ACC_AccountRevenuesPI",
  "FTOS_ACC_GetCustomerTransactionValues",
];
const LEGACY = [
  "FTOS_CB_AddUpdateIndividualCustomer",
  "FTOS_CB_AddUpdateCustomerAddress",
  "FTOS_CB_AddUpdateCustomerRepresentative",
];

/** Every value in the document with its JSON pointer. */
function* walk(node: unknown, pointer = "#"): Generator<[string, unknown]> {
  yield [pointer, node];
  if (node && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      yield* walk(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    }
  }
}

function resolve(pointer: string): unknown {
  return pointer
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

const variants = () =>
  doc.paths["/api/openApi/CallAction"].post.requestBody.content["application/json"].schema.oneOf;
const variant = (name: string) => variants().find((v: { title: string }) => v.title === name);
const dataSchemaOf = (name: string) => variant(name).properties.Request.properties.Data.oneOf[1];

describe("GET /api/openApi/openapi.json", () => {
  it("is an OpenAPI 3.1 document: info, paths of operations with responses, every $ref resolving", async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({
      title: expect.any(String),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/Authorize/GetToken", "/api/openApi/CallAction"]),
    );
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      expect(path.startsWith("/")).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(HTTP_METHODS).toContain(method);
        const responses = (operation as { responses: Record<string, { description?: unknown }> }).responses;
        expect(Object.keys(responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(responses)) {
          expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof response.description).toBe("string");
        }
      }
    }
    const refs = [...walk(doc)].filter(([pointer]) => pointer.endsWith("/$ref"));
    expect(refs.length).toBeGreaterThan(0);
    for (const [pointer, ref] of refs) {
      expect(typeof ref, pointer).toBe("string");
      expect(resolve(ref as string), `${pointer} -> ${ref}`).toBeDefined();
    }
    // 3.0's `nullable` has no place in 3.1 (JSON Schema 2020-12 spells it with type arrays).
    expect([...walk(doc)].filter(([pointer]) => pointer.endsWith("/nullable"))).toEqual([]);
    const envelope = doc.components.schemas.Envelope;
    expect(envelope.required).toEqual(["IsSuccess", "Message", "ErrorCode", "RequestId", "UIResult"]);
    expect(
      doc.paths["/api/openApi/CallAction"].post.responses["200"].content["application/json"].schema.$ref,
    ).toBe("#/components/schemas/Envelope");
  });

  it("has one request variant per action, each naming its action and taking Data as a string or the schema", async () => {
    const titles = variants().map((v: { title: string }) => v.title);
    // Every name of the registry, and among them every action of the seed document.
    expect([...titles].sort()).toEqual(actions.map((a) => a.name).sort());
    expect([...titles]).toEqual(expect.arrayContaining([...WRITES, ...WIDGETS, ...LEGACY]));
    expect(new Set(titles).size).toBe(titles.length);
    for (const name of titles) {
      const request = variant(name).properties.Request;
      expect(request.properties.ActionName).toEqual({ const: name });
      expect(request.required).toContain("ActionName");
      const [asString, asSchema] = request.properties.Data.oneOf;
      expect(asString).toMatchObject({ type: "string" });
      expect(asSchema).toBeTypeOf("object");
      expect(asSchema.$schema).toBeUndefined();
    }
    for (const name of LEGACY)
      expect(variant(name)).toMatchObject({
        deprecated: true,
        description: expect.stringContaining("FTOS_ACC_CB_"),
      });
    for (const name of [...WRITES, ...WIDGETS]) expect(variant(name).deprecated).toBeUndefined();
  });

  it("generates each Data schema from the zod schema the API validates with", async () => {
    const customer = dataSchemaOf("FTOS_ACC_CB_AddUpdateIndividualCustomer");
    const info = customer.properties.CustomerInfo;
    expect(info.type).toBe("object");
    expect(info.properties.UniqueID).toBeDefined();
    expect(info.required).toEqual(
      expect.arrayContaining(["firstName", "lastName", "UniqueID", "email", "mobilePhone"]),
    );
    expect(info.required).not.toContain("customerInternalId");
    expect(info.additionalProperties).toBe(false);
    expect(customer.required).toEqual(["CustomerInfo"]);

    expect(
      dataSchemaOf("FTOS_ACC_CB_AddUpdateCustomerAddress").properties.AddressInfo.properties.postalCode,
    ).toBeDefined();
    expect(dataSchemaOf("FTOS_ACC_GetProductSuggestions").required).toEqual(["accountId"]);
    expect(dataSchemaOf("FTOS_ACC_AccountProfitabilityPI").required).toEqual([
      "customerInternalId",
      "indicatorName",
    ]);
    // A legacy name documents the very schema of its replacement.
    expect(dataSchemaOf("FTOS_CB_AddUpdateIndividualCustomer")).toEqual(customer);

    for (const action of actions) {
      if (!(action.schema instanceof z.ZodObject)) continue;
      const properties = Object.keys(dataSchemaOf(action.name).properties ?? {});
      expect(properties.sort(), action.name).toEqual(Object.keys(action.schema.shape).sort());
    }
  });

  it("is served on any spelling of the path", async () => {
    const response = await fetch(`${url}/API/OPENAPI/OpenApi.json`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toBe(doc.openapi);
  });
});
