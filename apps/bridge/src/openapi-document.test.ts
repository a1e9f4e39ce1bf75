import { readFileSync } from "node:fs";
import { SEED_LEGACY_NAMES, SEED_WIDGET_ACTIONS, SEED_WRITE_ACTIONS } from "@account360/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { EXAMPLES_FILE, extractExamples, GUIDE } from "../openapi-examples-extract";
import { actions } from "./test/actions";
import { startWithoutDatabase } from "./test/bridge-server";
import { documentJudge } from "./test/openapi-judge";

// The document needs no database: a server without one, with the routes main.ts adds.
let stop: () => Promise<void>;
let url = "";
// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON
let doc: any;

beforeAll(async () => {
  const running = await startWithoutDatabase();
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
const WRITES = SEED_WRITE_ACTIONS;
const WIDGETS = SEED_WIDGET_ACTIONS;
const LEGACY = SEED_LEGACY_NAMES.map(([legacy]) => legacy);

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

const operation = (name: string) => doc.paths[`/ftosapi/automation-processors/actions/${name}`]?.post;
const component = (node: { $ref: string }) => resolve(node.$ref) as Record<string, unknown>;
const dataSchemaOf = (name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON
  component(operation(name).requestBody.content["application/json"].schema) as any;
const resultSchemaOf = (name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON
  component(operation(name).responses["200"].content["application/json"].schema) as any;

describe("GET /api/openApi/openapi.json", () => {
  it("is an OpenAPI 3.1 document: info, paths of operations with responses, every $ref resolving", async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({
      title: expect.any(String),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/Authorize/GetToken",
        "/api/openApi/CallAction",
        "/ftosapi/automation-processors/actions/FTOS_ACC_AccountHeader",
      ]),
    );
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
      expect(path.startsWith("/")).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(HTTP_METHODS).toContain(method);
        const responses = (
          operation as { responses: Record<string, { description?: unknown; $ref?: unknown }> }
        ).responses;
        expect(Object.keys(responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(responses)) {
          expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          const resolved =
            "$ref" in response ? (resolve(response.$ref as string) as typeof response) : response;
          expect(typeof resolved.description).toBe("string");
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
  });

  it("has one operation per action name, its operationId the name, tagged by area, every failure a problem", async () => {
    const operationIds = Object.values<Record<string, { operationId: string }>>(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    expect(new Set(operationIds).size).toBe(operationIds.length);
    // Every name of the registry, and among them every action of the seed document.
    const perAction = operationIds.filter((id) => !["GetToken", "CallAction"].includes(id));
    expect([...perAction].sort()).toEqual(actions.map((a) => a.name).sort());
    expect(perAction).toEqual(expect.arrayContaining([...WRITES, ...WIDGETS, ...LEGACY]));
    for (const action of actions) {
      const op = operation(action.name);
      expect(op.operationId).toBe(action.name);
      expect(op.tags).toEqual([action.tag]);
      expect(op.security).toEqual([{ bearer: [] }]);
      const statuses = Object.keys(op.responses).sort();
      const failures = ["400", "401", "403", "404", "413", "415", "429", "500", "503"];
      if (action.kind === "mutation") failures.push("409");
      expect(statuses).toEqual(["200", ...failures].sort());
      for (const status of failures) {
        const response = component(op.responses[status]) as { content: Record<string, { schema: unknown }> };
        expect(response.content["application/problem+json"]?.schema).toEqual({
          $ref: "#/components/schemas/Problem",
        });
      }
      expect(op.deprecated === true, action.name).toBe(action.legacyOf !== null);
      if (action.legacyOf) {
        expect(op.description).toContain(action.legacyOf);
        expect(Object.keys(op.responses["200"].headers)).toEqual(
          expect.arrayContaining(["Deprecation", "Link"]),
        );
        // A legacy name documents the very schemas of its replacement.
        expect(op.requestBody).toEqual(operation(action.legacyOf).requestBody);
      }
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/Authorize/GetToken"].post.security).toEqual([]);
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.info.license.name).toBeTruthy();
  });

  it("keeps the callAction envelope as its own operation", async () => {
    const callAction = doc.paths["/api/openApi/CallAction"].post;
    expect(callAction.operationId).toBe("CallAction");
    for (const [status, response] of Object.entries<{ content: Record<string, { schema: unknown }> }>(
      callAction.responses,
    )) {
      expect(response.content["application/json"]?.schema, status).toEqual({
        $ref: "#/components/schemas/Envelope",
      });
    }
    expect(doc.components.schemas.CallActionRequest.required).toEqual(["Request"]);
    // Its example is the guide's header call, in the envelope: the same Data and answer as the action's own.
    const request = callAction.requestBody.content["application/json"].examples.header.value;
    const answer = callAction.responses["200"].content["application/json"].examples.header.value;
    const header = operation("FTOS_ACC_AccountHeader");
    expect(JSON.parse(request.Request.Data)).toEqual(
      header.requestBody.content["application/json"].examples.documented.value,
    );
    expect(answer.UIResult.Data).toEqual(
      header.responses["200"].content["application/json"].examples.documented.value,
    );
    expect(answer.Message).toBe("Account header computed");
  });

  it("generates each answer schema from the zod output schema, so a widget's answer is typed field by field", async () => {
    const header = resultSchemaOf("FTOS_ACC_AccountHeader");
    expect(header.type).toBe("object");
    expect(header.required).toEqual(
      expect.arrayContaining(["customerInternalId", "fullName", "initials", "uniqueIdMasked", "asOf"]),
    );
    expect(header.properties.fullName).toEqual({ type: "string" });
    expect(resultSchemaOf("FTOS_ACC_CB_AddUpdateIndividualCustomer").properties.operation.enum).toEqual([
      "created",
      "updated",
      "unchanged",
    ]);
    for (const action of actions) {
      const result = resultSchemaOf(action.name);
      expect(result, action.name).toBeTypeOf("object");
      expect(Object.keys(result).length, action.name).toBeGreaterThan(0);
    }
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

describe("the examples of docs/callaction.md", () => {
  it("are each documented action's request and answer examples", async () => {
    const documented = extractExamples(readFileSync(GUIDE, "utf8"));
    expect(Object.keys(documented)).toEqual(expect.arrayContaining([...WRITES, ...WIDGETS]));
    for (const [name, examples] of Object.entries(documented)) {
      const request = operation(name).requestBody.content["application/json"].examples;
      const answer = operation(name).responses["200"].content["application/json"].examples;
      expect(
        Object.values(request).map((e) => (e as { value: unknown }).value),
        name,
      ).toEqual(examples.map((e) => e.data));
      expect(
        Object.values(answer).map((e) => (e as { value: unknown }).value),
        name,
      ).toEqual(examples.map((e) => e.answer));
    }
  });

  it("are extracted into src/openapi-examples.json as the guide has them now (pnpm openapi:examples)", () => {
    const fresh = extractExamples(readFileSync(GUIDE, "utf8"));
    expect(JSON.parse(readFileSync(EXAMPLES_FILE, "utf8"))).toEqual(fresh);
  });
});

describe("the document as an integrator's validator", () => {
  type Example = { data: Record<string, unknown>; answer: Record<string, unknown> };
  const recorded = () => JSON.parse(readFileSync(EXAMPLES_FILE, "utf8")) as Record<string, Example[]>;
  const problemsOf = (schema: z.ZodType, payload: unknown) =>
    (schema.safeParse(payload).error?.issues ?? []).map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );

  it("accepts each recorded request by its action's Data schema and each answer by its Result schema", () => {
    const judge = documentJudge(doc);
    const examples = recorded();
    expect(Object.keys(examples)).toEqual(expect.arrayContaining([...WRITES, ...WIDGETS]));
    for (const [name, list] of Object.entries(examples)) {
      for (const { data, answer } of list) {
        expect(problemsOf(judge(`${name}_Data`), data), `${name} request`).toEqual([]);
        expect(problemsOf(judge(`${name}_Result`), answer), `${name} answer`).toEqual([]);
      }
    }
  });

  it("refuses a payload the action would refuse: a required field missing, an unknown one, a wrong type or value", () => {
    const judge = documentJudge(doc);
    const examples = recorded();
    const [individual] = examples.FTOS_ACC_CB_AddUpdateIndividualCustomer ?? [];
    const [header] = examples.FTOS_ACC_AccountHeader ?? [];
    if (!individual || !header) throw new Error("the guide lost its individual-customer or header example");
    const info = individual.data.CustomerInfo as Record<string, unknown>;
    const { email: _email, ...withoutEmail } = info;
    const data = judge("FTOS_ACC_CB_AddUpdateIndividualCustomer_Data");
    expect(problemsOf(data, { CustomerInfo: withoutEmail })).not.toEqual([]);
    expect(problemsOf(data, { CustomerInfo: { ...info, emial: info.email } })).not.toEqual([]);
    expect(problemsOf(data, { CustomerInfo: { ...info, firstName: 7 } })).not.toEqual([]);
    expect(problemsOf(data, {})).not.toEqual([]);
    expect(problemsOf(data, { CustomerInfo: info })).toEqual([]);

    const written = judge("FTOS_ACC_CB_AddUpdateIndividualCustomer_Result");
    expect(problemsOf(written, { ...individual.answer, operation: "deleted" })).not.toEqual([]);
    const headerAnswer = judge("FTOS_ACC_AccountHeader_Result");
    const { fullName: _fullName, ...nameless } = header.answer;
    expect(problemsOf(headerAnswer, nameless)).not.toEqual([]);
    expect(problemsOf(headerAnswer, { ...header.answer, fullName: 42 })).not.toEqual([]);
    // One action's answer is not another's.
    expect(problemsOf(headerAnswer, individual.answer)).not.toEqual([]);
    const headerData = judge("FTOS_ACC_AccountHeader_Data");
    expect(problemsOf(headerData, header.data)).toEqual([]);
    expect(problemsOf(headerData, {})).not.toEqual([]);
    expect(
      problemsOf(headerData, { ...header.data, customerId: header.data.customerInternalId }),
    ).not.toEqual([]);
  });

  it("states that record identifiers are UUIDs, so its validator refuses any other customerInternalId", () => {
    const judge = documentJudge(doc);
    const [header] = recorded().FTOS_ACC_AccountHeader ?? [];
    const [individual] = recorded().FTOS_ACC_CB_AddUpdateIndividualCustomer ?? [];
    if (!header || !individual) throw new Error("the guide lost its header or individual-customer example");
    expect(dataSchemaOf("FTOS_ACC_AccountHeader").properties.customerInternalId.format).toBe("uuid");
    const headerData = judge("FTOS_ACC_AccountHeader_Data");
    expect(problemsOf(headerData, { customerInternalId: "12345" })).not.toEqual([]);
    expect(problemsOf(headerData, header.data)).toEqual([]);

    // A write's optional identifier says so too, and null (a new record) stays allowed.
    const info = individual.data.CustomerInfo as Record<string, unknown>;
    const writeData = judge("FTOS_ACC_CB_AddUpdateIndividualCustomer_Data");
    expect(problemsOf(writeData, { CustomerInfo: { ...info, customerInternalId: "12345" } })).not.toEqual([]);
    expect(problemsOf(writeData, { CustomerInfo: { ...info, customerInternalId: null } })).toEqual([]);
    for (const [action, section, field] of [
      ["FTOS_ACC_CB_AddUpdateCustomerAddress", "AddressInfo", "addressIdentifier"],
      [
        "FTOS_ACC_CB_AddUpdateCustomerRepresentative",
        "CustomerRepresentativeInfo",
        "customerRepresentativeNo",
      ],
      ["FTOS_ACC_CB_AddUpdateGroupMember", "GroupMemberInfo", "groupInternalId"],
    ] as const) {
      const property = dataSchemaOf(action).properties[section].properties[field];
      expect(property.format, `${action} ${field}`).toBe("uuid");
    }
    expect(dataSchemaOf("FTOS_ACC_AddUpdateCustomerAgreement").properties.AgreementId.format).toBe("uuid");
  });
});
