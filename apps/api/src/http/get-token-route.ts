import { AppError } from "@account360/core";
import { ThrottledError } from "../auth";
import { readBody, utf8Text } from "./body";
import { clientAddressOf } from "./client-address";
import { isJsonContentType, sendJson, sendJsonError } from "./respond";
import type { HttpRoute } from "./route";
import { requireDeps } from "./server";

const getTokenPath = /^\/api\/authorize\/gettoken\/?$/i;
const LOGIN_BODY_LIMIT = 16 * 1024;

/** POST /api/Authorize/GetToken with {username, password, client_id?}. */
export const getTokenRoute: HttpRoute = {
  name: "getToken",
  readsBody: true,
  matches: (method, path) => method === "POST" && getTokenPath.test(path),
  async handle(req, res, scope) {
    const deps = requireDeps(scope);
    if (!isJsonContentType(req))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the credentials as application/json.");
    const text = utf8Text(await readBody(req, LOGIN_BODY_LIMIT));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
    }
    const { username, password, client_id } = (body ?? {}) as Record<string, unknown>;
    const fieldErrors = [];
    if (typeof username !== "string" || !username.trim())
      fieldErrors.push({ field: "username", message: "username is required" });
    if (typeof password !== "string" || !password)
      fieldErrors.push({ field: "password", message: "password is required" });
    if (client_id !== undefined && client_id !== null && typeof client_id !== "string") {
      fieldErrors.push({ field: "client_id", message: "client_id must be a string" });
    }
    if (fieldErrors.length > 0)
      throw new AppError("BAD_REQUEST", "username and password are required.", fieldErrors);
    const token = await deps.auth.issueToken({
      username: (username as string).trim(),
      password: password as string,
      clientId: typeof client_id === "string" ? client_id : undefined,
      clientAddress: clientAddressOf(req, deps.env.TRUSTED_PROXIES),
    });
    sendJson(res, 200, token);
  },
  sendError(res, error, scope) {
    const retry: Record<string, string> =
      error instanceof ThrottledError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    sendJsonError(res, error, scope.requestId, retry);
  },
};
