import { version } from "@account360/api";
import type { ActionIndex } from "@account360/core";
import { z } from "zod";

const envelopeErrors = {
  type: "array",
  items: {
    type: "object",
    properties: { field: { type: "string" }, message: { type: "string" } },
    required: ["field", "message"],
  },
};

function dataSchema(schema: z.core.$ZodType): unknown {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  const { $schema: _ignored, ...rest } = json as Record<string, unknown>;
  return rest;
}

/**
 * The OpenAPI 3.1 document of the token endpoint and callAction. Each action's `Data` schema is
 * generated from the zod schema the API validates with, so the two cannot drift apart.
 */
export function buildOpenApiDocument(index: ActionIndex): Record<string, unknown> {
  const actions = index.all.flatMap((action) => [
    { name: action.name, schema: action.input, legacyOf: null as string | null },
    ...action.legacyNames.map((name) => ({ name, schema: action.input, legacyOf: action.name })),
  ]);
  const requestVariants = actions.map((action) => ({
    title: action.name,
    type: "object",
    required: ["Request"],
    properties: {
      Request: {
        type: "object",
        required: ["ActionName"],
        properties: {
          ActionName: { const: action.name },
          Data: {
            description: "A JSON string holding the object, the object itself, or null.",
            oneOf: [{ type: "string", contentMediaType: "application/json" }, dataSchema(action.schema)],
          },
        },
      },
      ApiInfo: { $ref: "#/components/schemas/ApiInfo" },
    },
    ...(action.legacyOf ? { deprecated: true, description: `Use ${action.legacyOf}.` } : {}),
  }));

  return {
    openapi: "3.1.0",
    info: {
      title: "Account360 callAction API",
      version,
      description:
        "Customer 360 master data: write actions and dashboard widgets through one callAction endpoint.",
    },
    paths: {
      "/api/Authorize/GetToken": {
        post: {
          summary: "Issue a bearer token",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["username", "password"],
                  properties: {
                    username: { type: "string" },
                    password: { type: "string" },
                    client_id: { type: "string" },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "A new token",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      access_token: { type: "string" },
                      token_type: { const: "Bearer" },
                      expires_in: { type: "integer" },
                    },
                  },
                },
              },
            },
            "401": { description: "Unknown user or wrong password (the same answer for both)" },
            "429": { description: "Too many failed logins for this username or client address" },
          },
        },
      },
      "/api/openApi/CallAction": {
        post: {
          summary: "Run an action",
          description: `Actions: ${actions.map((a) => a.name).join(", ")}.`,
          requestBody: {
            required: true,
            content: { "application/json": { schema: { oneOf: requestVariants } } },
          },
          responses: Object.fromEntries(
            ["200", "400", "401", "403", "404", "409", "413", "415", "429", "500"].map((status) => [
              status,
              {
                description: status === "200" ? "Success" : "Failure",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } },
              },
            ]),
          ),
        },
      },
    },
    components: {
      schemas: {
        ApiInfo: {
          type: "object",
          properties: { UserName: { type: "string" }, Token: { type: "string" } },
          description: "An Authorization: Bearer header is accepted instead of Token.",
        },
        Envelope: {
          type: "object",
          required: ["IsSuccess", "Message", "ErrorCode", "RequestId", "UIResult"],
          properties: {
            IsSuccess: { type: "boolean" },
            Message: { type: "string" },
            ErrorCode: { type: "integer" },
            RequestId: { type: "string" },
            UIResult: {
              type: "object",
              properties: {
                IsSuccess: { type: "boolean" },
                Message: { type: "string" },
                Data: {},
                Errors: envelopeErrors,
              },
            },
          },
        },
      },
    },
  };
}
