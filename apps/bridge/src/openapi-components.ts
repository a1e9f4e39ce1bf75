import { type AppErrorCode, httpStatusOf } from "@account360/core";
import { prefixOf } from "./envelope";
import { problemType } from "./problem";

/** The failures an action may answer, by status; 409 only where something is written. */
export const ACTION_FAILURES: readonly AppErrorCode[] = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "TOO_MANY_REQUESTS",
  "INTERNAL",
  "UNAVAILABLE",
];

const whenOf: Record<AppErrorCode, string> = {
  BAD_REQUEST: "The body is not JSON, or a field is missing or invalid (every one is listed in `errors`).",
  UNAUTHORIZED: "The bearer token is missing, invalid or expired.",
  FORBIDDEN: "The caller's roles do not include the action's (reader, writer or admin).",
  NOT_FOUND: "Unknown action, or a referenced record does not exist.",
  CONFLICT: "A uniqueness conflict (a UniqueID or external id held by another record).",
  PAYLOAD_TOO_LARGE: "The body is larger than MAX_BODY_BYTES (default 1 MiB).",
  UNSUPPORTED_MEDIA_TYPE: "The Content-Type is not JSON.",
  TOO_MANY_REQUESTS: "Throttled, or more than MAX_INFLIGHT requests in flight.",
  INTERNAL: "Unexpected; the request id finds the cause in the server's log.",
  UNAVAILABLE: "The database cannot be reached right now; nothing was written. Retry after Retry-After.",
};

/** The component name of a status's problem response: `BadRequest`, `NotFound`, … */
export const problemResponseName = (code: AppErrorCode) => prefixOf[code].replaceAll(" ", "");

export const statusOf = (code: AppErrorCode) => String(httpStatusOf[code]);

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const retryAfter = { "Retry-After": ref("headers", "RetryAfter") };

function problemResponse(code: AppErrorCode) {
  const title = prefixOf[code];
  return {
    description: whenOf[code],
    headers: {
      "X-Request-Id": ref("headers", "RequestId"),
      ...(code === "UNAVAILABLE" || code === "TOO_MANY_REQUESTS" ? retryAfter : {}),
    },
    content: {
      "application/problem+json": {
        schema: ref("schemas", "Problem"),
        example: {
          type: problemType(code),
          title,
          status: httpStatusOf[code],
          detail: code === "BAD_REQUEST" ? "Invalid fields: CustomerInfo.email." : `${title}.`,
          requestId: "b16e4dd9-df80-4bb8-82ec-c157e4b600bf",
          errors:
            code === "BAD_REQUEST"
              ? [{ field: "CustomerInfo.email", message: "email must be a valid e-mail address" }]
              : [],
        },
      },
    },
  };
}

const fieldError = {
  type: "object",
  description: "One invalid field; `field` is a dotted path inside the parameters (empty: the whole body).",
  required: ["field", "message"],
  properties: { field: { type: "string" }, message: { type: "string" } },
};

const envelopeFailureCodes = Object.values(httpStatusOf);

/** Schemas, responses, headers and the security scheme every operation refers to. */
export function openApiComponents() {
  return {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "A token from POST /api/Authorize/GetToken, sent as `Authorization: Bearer <token>`.",
      },
    },
    headers: {
      RequestId: {
        description:
          "The request's id (the caller's X-Request-Id when well-formed); it finds the request in the log.",
        schema: { type: "string" },
      },
      RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
      Deprecation: {
        description: "RFC 9745: when this (legacy) action name was deprecated, as a structured-field date.",
        schema: { type: "string", example: "@1767225600" },
      },
      Link: {
        description: 'The replacement\'s endpoint, `rel="successor-version"`.',
        schema: { type: "string" },
      },
    },
    responses: Object.fromEntries(
      ACTION_FAILURES.map((code) => [problemResponseName(code), problemResponse(code)]),
    ),
    schemas: {
      FieldError: fieldError,
      Problem: {
        type: "object",
        description:
          "RFC 9457 problem details. `type` is one URN per kind of failure (`urn:account360:problem:bad-request`, …); `detail` is one readable sentence; the extensions `requestId` and `errors` give the request's id and every invalid field.",
        required: ["type", "title", "status", "detail", "requestId", "errors"],
        properties: {
          type: { type: "string", format: "uri" },
          title: { type: "string", enum: ACTION_FAILURES.map((code) => prefixOf[code]) },
          status: { type: "integer", enum: ACTION_FAILURES.map((code) => httpStatusOf[code]) },
          detail: { type: "string" },
          requestId: { type: "string" },
          errors: { type: "array", items: ref("schemas", "FieldError") },
        },
      },
      ApiInfo: {
        type: "object",
        description: "Who calls. An `Authorization: Bearer` header may carry the token instead of `Token`.",
        properties: { UserName: { type: "string" }, Token: { type: "string" } },
      },
      CallActionRequest: {
        type: "object",
        required: ["Request"],
        properties: {
          Request: {
            type: "object",
            required: ["ActionName"],
            properties: {
              ActionName: {
                type: "string",
                description: "The action, as named by the per-action operations.",
              },
              Data: {
                description:
                  "The action's parameters (the request body of its per-action operation): a JSON string holding the object, the object itself, or null.",
                type: ["string", "object", "null"],
              },
            },
          },
          ApiInfo: ref("schemas", "ApiInfo"),
        },
      },
      Envelope: {
        type: "object",
        description: "Every callAction answer, success or failure.",
        required: ["IsSuccess", "Message", "ErrorCode", "RequestId", "UIResult"],
        properties: {
          IsSuccess: { type: "boolean" },
          Message: {
            type: "string",
            description: "On failure one sentence that starts with the status's name (`Bad Request - `, …).",
          },
          ErrorCode: {
            type: "integer",
            description: "0 on success, else the HTTP status.",
            enum: [0, ...envelopeFailureCodes],
          },
          RequestId: { type: "string" },
          UIResult: {
            type: "object",
            required: ["IsSuccess", "Message", "Data", "Errors"],
            properties: {
              IsSuccess: { type: "boolean" },
              Message: { type: "string" },
              Data: {
                description:
                  "The action's answer (the 200 body of its per-action operation); null on failure.",
              },
              Errors: { type: "array", items: ref("schemas", "FieldError") },
            },
          },
        },
      },
      TokenRequest: {
        type: "object",
        required: ["username", "password"],
        properties: {
          username: { type: "string" },
          password: { type: "string", format: "password" },
          client_id: { type: "string" },
        },
      },
      Token: {
        type: "object",
        required: ["access_token", "token_type", "expires_in"],
        properties: {
          access_token: { type: "string" },
          token_type: { type: "string", const: "Bearer" },
          expires_in: { type: "integer", description: "Seconds until the token expires." },
        },
      },
      TokenError: {
        type: "object",
        required: ["error", "message", "errors", "requestId"],
        properties: {
          error: { type: "string" },
          message: { type: "string" },
          errors: { type: "array", items: ref("schemas", "FieldError") },
          requestId: { type: "string" },
        },
      },
    },
  };
}
