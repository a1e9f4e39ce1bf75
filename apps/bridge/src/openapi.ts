import { version } from "@account360/api";
import type { ActionIndex, AnyAction } from "@account360/core";
import { z } from "zod";
import { actionPath } from "./action-route";
import { ACTION_FAILURES, openApiComponents, problemResponseName, statusOf } from "./openapi-components";
import { documentedEnvelope, documentedExamples } from "./openapi-examples";

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const TAGS = [
  { name: "Authentication", description: "Bearer tokens for every other operation." },
  {
    name: "Customers",
    description: "Write actions: customers, addresses, representatives, applications, agreements.",
  },
  { name: "Widgets", description: "The customer page's widgets and the reads beside them." },
  { name: "Ingest", description: "What the widgets are computed from, fed by the bank's systems." },
  { name: "Audit", description: "Who changed what, and when." },
  {
    name: "Privacy",
    description: "A data subject's export, the retention plan and the erasure (admin only).",
  },
  { name: "callAction", description: "Every action through one endpoint and the FintechOS envelope." },
];

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  const { $schema: _ignored, ...rest } = json as Record<string, unknown>;
  return rest;
}

const acceptsNothing = (action: AnyAction) => action.input.safeParse(null).success;

/** Component names of an action's parameters and answer: `FTOS_ACC_AccountHeader_Data`, `…_Result`. */
const dataName = (action: AnyAction) => `${action.name}_Data`;
const resultName = (action: AnyAction) => `${action.name}_Result`;

function actionOperation(action: AnyAction, name: string) {
  const legacy = name !== action.name;
  const examples = documentedExamples(action.name);
  const failures = ACTION_FAILURES.filter((code) => code !== "CONFLICT" || action.kind === "mutation");
  const requestId = { "X-Request-Id": ref("headers", "RequestId") };
  const deprecation = legacy
    ? { Deprecation: ref("headers", "Deprecation"), Link: ref("headers", "Link") }
    : {};
  return {
    operationId: name,
    summary: legacy ? `${action.title} (deprecated name of ${action.name})` : action.summary,
    description: legacy
      ? `Deprecated: runs ${action.name}, whose operation documents it. ${action.summary}`
      : `Needs the ${action.access} role (admin may call everything). The same action is callAction's ActionName \`${action.name}\`.`,
    tags: [action.tag],
    ...(legacy ? { deprecated: true } : {}),
    security: [{ bearer: [] }],
    requestBody: {
      required: !acceptsNothing(action),
      description: "What callAction's `Data` holds, as a plain JSON object.",
      content: {
        "application/json": {
          schema: ref("schemas", dataName(action)),
          ...(examples ? { examples: examples.request } : {}),
        },
      },
    },
    responses: {
      "200": {
        description: "What callAction's `UIResult.Data` holds.",
        headers: { ...requestId, ...deprecation },
        content: {
          "application/json": {
            schema: ref("schemas", resultName(action)),
            ...(examples ? { examples: examples.answer } : {}),
          },
        },
      },
      ...Object.fromEntries(
        failures.map((code) => [statusOf(code), ref("responses", problemResponseName(code))]),
      ),
    },
  };
}

const tokenOperation = {
  operationId: "GetToken",
  summary: "Issue a bearer token",
  description:
    "Each call issues a new token, valid for TOKEN_TTL_SECONDS (default 3600). A wrong user or password gives the same 401; repeated failures are throttled (429).",
  tags: ["Authentication"],
  security: [],
  requestBody: {
    required: true,
    content: { "application/json": { schema: ref("schemas", "TokenRequest") } },
  },
  responses: {
    "200": {
      description: "A new token.",
      content: { "application/json": { schema: ref("schemas", "Token") } },
    },
    ...Object.fromEntries(
      [
        ["400", "username or password missing, or the body is not JSON."],
        ["401", "Unknown user or wrong password (the same answer for both)."],
        ["413", "The body is larger than 16 KiB."],
        ["415", "The Content-Type is not JSON."],
        ["429", "Too many failed logins for this username or client address."],
        ["503", "The database cannot be reached right now."],
      ].map(([status, description]) => [
        status,
        { description, content: { "application/json": { schema: ref("schemas", "TokenError") } } },
      ]),
    ),
  },
};

function callActionOperation(index: ActionIndex) {
  const names = index.all.map((action) => action.name).join(", ");
  const header = index.byName("FTOS_ACC_AccountHeader")?.action;
  const example = header ? documentedEnvelope(header, "b3928ed8-941d-4bf9-954f-ad276e148479") : null;
  const examples = (value: unknown) => ({ examples: { header: { summary: "The account header", value } } });
  return {
    operationId: "CallAction",
    summary: "Run any action in the FintechOS envelope",
    description: `The first door: the action named in Request.ActionName, its parameters in Request.Data (the request body of that action's own operation) and its answer in UIResult.Data. Actions: ${names}.`,
    tags: ["callAction"],
    security: [{ bearer: [] }],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: ref("schemas", "CallActionRequest"),
          ...(example ? examples(example.request) : {}),
        },
      },
    },
    responses: {
      "200": {
        description: "Success (IsSuccess true, ErrorCode 0).",
        headers: { "X-Request-Id": ref("headers", "RequestId") },
        content: {
          "application/json": {
            schema: ref("schemas", "Envelope"),
            ...(example ? examples(example.answer) : {}),
          },
        },
      },
      ...Object.fromEntries(
        ACTION_FAILURES.map((code) => [
          statusOf(code),
          {
            description: `Failure (IsSuccess false, ErrorCode ${statusOf(code)}).`,
            content: { "application/json": { schema: ref("schemas", "Envelope") } },
          },
        ]),
      ),
    },
  };
}

/**
 * The OpenAPI 3.1 document: every action as its own operation (the per-action endpoints), the
 * callAction envelope and the token endpoint. Each action's schemas are generated from the zod
 * schemas the API validates its input and output with, so the document cannot drift from them.
 */
export function buildOpenApiDocument(index: ActionIndex): Record<string, unknown> {
  const components = openApiComponents();
  const paths: Record<string, unknown> = {
    "/api/Authorize/GetToken": { post: tokenOperation },
    "/api/openApi/CallAction": { post: callActionOperation(index) },
  };
  const schemas: Record<string, unknown> = { ...components.schemas };
  for (const action of index.all) {
    schemas[dataName(action)] = jsonSchema(action.input, "input");
    schemas[resultName(action)] = jsonSchema(action.output, "output");
    for (const name of [action.name, ...action.legacyNames]) {
      paths[actionPath(name)] = { post: actionOperation(action, name) };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Account360 API",
      version,
      description:
        "Customer 360 master data: write actions and dashboard widgets, each at its own endpoint (POST /ftosapi/automation-processors/actions/{ActionName}, problem details on failure) and through callAction's envelope. Interactive reference: /api/docs.",
      // No licence has been granted (the repository has no LICENSE file): say so, in SPDX's form.
      license: { name: "Proprietary, all rights reserved", identifier: "LicenseRef-All-Rights-Reserved" },
    },
    servers: [{ url: "/", description: "The server this document is served from." }],
    security: [{ bearer: [] }],
    tags: TAGS,
    paths,
    components: { ...components, schemas },
  };
}
