import { utf8Text } from "@account360/api";
import { AppError, type AppErrorCode, type FieldError, httpStatusOf } from "@account360/core";

export interface ParsedEnvelope {
  actionName: string;
  /** The `Data` value: an object, or null for actions without parameters. */
  data: unknown;
  userName: string | null;
  token: string | null;
}

/** The name of each status, as envelope messages start and problem titles read. */
export const prefixOf: Record<AppErrorCode, string> = {
  BAD_REQUEST: "Bad Request",
  UNAUTHORIZED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not Found",
  CONFLICT: "Conflict",
  PAYLOAD_TOO_LARGE: "Payload Too Large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported Media Type",
  TOO_MANY_REQUESTS: "Too Many Requests",
  UNAVAILABLE: "Service Unavailable",
  INTERNAL: "Internal Error",
};

export interface EnvelopeAnswer {
  status: number;
  body: {
    IsSuccess: boolean;
    Message: string;
    ErrorCode: number;
    RequestId: string;
    UIResult: { IsSuccess: boolean; Message: string; Data: unknown; Errors: FieldError[] };
  };
}

export function successAnswer(message: string, data: unknown, requestId: string): EnvelopeAnswer {
  return {
    status: 200,
    body: {
      IsSuccess: true,
      Message: message,
      ErrorCode: 0,
      RequestId: requestId,
      UIResult: { IsSuccess: true, Message: message, Data: data, Errors: [] },
    },
  };
}

/** The failure envelope: ErrorCode equals the HTTP status; Message starts with the status's name. */
export function failureAnswer(error: AppError, requestId: string): EnvelopeAnswer {
  const status = httpStatusOf[error.code];
  const prefix = `${prefixOf[error.code]} - `;
  // Some use cases (authentication) already word their sentence with the prefix.
  const message = error.message.startsWith(prefix) ? error.message : `${prefix}${error.message}`;
  return {
    status,
    body: {
      IsSuccess: false,
      Message: message,
      ErrorCode: status,
      RequestId: requestId,
      UIResult: { IsSuccess: false, Message: message, Data: null, Errors: error.fieldErrors },
    },
  };
}

/**
 * Looks a key up case-insensitively: integrators send `request`, `actionName`, `apiInfo` too.
 * The same key twice in two spellings is a 400, as inside Data: taking either would guess.
 */
function pick(object: Record<string, unknown>, name: string, parent = ""): unknown {
  const lower = name.toLowerCase();
  const found = Object.keys(object).filter((key) => key.toLowerCase() === lower);
  if (found.length > 1) {
    const field = parent ? `${parent}.${name}` : name;
    const message = `${field} is given twice (as ${found.join(" and ")}).`;
    throw new AppError("BAD_REQUEST", message, [{ field, message }]);
  }
  return found[0] === undefined ? undefined : object[found[0]];
}

/** A string, null or absent; any other JSON type is the caller's mistake, not a missing value. */
function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    const message = `${field} must be a string.`;
    throw new AppError("BAD_REQUEST", message, [{ field, message }]);
  }
  return value.trim() || null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses the callAction envelope; every problem is a 400 that names the field. */
export function parseEnvelope(body: Buffer, authorizationToken: string | null): ParsedEnvelope {
  const text = utf8Text(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  if (!isObject(parsed))
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object with Request and ApiInfo.");

  const request = pick(parsed, "Request");
  if (!isObject(request)) {
    throw new AppError("BAD_REQUEST", "Request is required and must be an object.", [
      { field: "Request", message: "Request is required and must be an object with ActionName and Data." },
    ]);
  }
  const actionName = pick(request, "ActionName", "Request");
  if (typeof actionName !== "string" || actionName.trim() === "") {
    const usedId = pick(request, "ActionID", "Request") !== undefined;
    const message = usedId
      ? "Request.ActionID is not supported; send the action's name as Request.ActionName."
      : "Request.ActionName is required.";
    throw new AppError("BAD_REQUEST", message, [{ field: "Request.ActionName", message }]);
  }

  const apiInfo = pick(parsed, "ApiInfo");
  if (apiInfo !== undefined && apiInfo !== null && !isObject(apiInfo)) {
    throw new AppError("BAD_REQUEST", "ApiInfo must be an object with UserName and Token.", [
      { field: "ApiInfo", message: "ApiInfo must be an object with UserName and Token." },
    ]);
  }
  const userName = optionalString(
    isObject(apiInfo) ? pick(apiInfo, "UserName", "ApiInfo") : undefined,
    "ApiInfo.UserName",
  );
  const token = optionalString(
    isObject(apiInfo) ? pick(apiInfo, "Token", "ApiInfo") : undefined,
    "ApiInfo.Token",
  );
  // Two different tokens: whichever won, the other's holder would be acting as someone else.
  if (token && authorizationToken && token !== authorizationToken) {
    throw new AppError(
      "UNAUTHORIZED",
      "Unauthorized - the Authorization header and ApiInfo.Token carry different tokens; send one, or the same in both.",
    );
  }

  return {
    actionName: actionName.trim(),
    data: parseData(pick(request, "Data", "Request")),
    userName,
    token: token ?? authorizationToken,
  };
}

function parseData(data: unknown): unknown {
  if (data === undefined || data === null) return null;
  if (isObject(data)) return data;
  if (typeof data !== "string") {
    throw new AppError(
      "BAD_REQUEST",
      "Request.Data must be a JSON string holding an object, an object, or null.",
      [
        {
          field: "Request.Data",
          message: "Request.Data must be a JSON string holding an object, an object, or null.",
        },
      ],
    );
  }
  const text = data.trim();
  if (text === "" || text === "null") return null;
  if (text.startsWith(":")) {
    const message = "Request.Data starts with ':'; drop the leading colon so that Data is plain JSON.";
    throw new AppError("BAD_REQUEST", message, [{ field: "Request.Data", message }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const message = "Request.Data is not valid JSON.";
    throw new AppError("BAD_REQUEST", message, [{ field: "Request.Data", message }]);
  }
  if (value !== null && !isObject(value)) {
    const message = "Request.Data must hold a JSON object.";
    throw new AppError("BAD_REQUEST", message, [{ field: "Request.Data", message }]);
  }
  return value;
}
