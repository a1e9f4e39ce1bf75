import {
  authorizeBearerHeader,
  bearerToken,
  echoName,
  type HttpRoute,
  hasBody,
  isJsonContentType,
  type RequestScope,
  readBody,
  sendJson,
  UNKNOWN_LABEL,
  utf8Text,
} from "@account360/api";
import { type ActionIndex, type ActionName, AppError } from "@account360/core";
import { deprecationHeaders } from "./deprecation";
import type { Dispatch } from "./dispatch";
import { sendProblem } from "./problem";
import { runAction } from "./run-action";

/** FintechOS's own form of an action endpoint; the name is matched as callAction matches it. */
const ACTIONS_PREFIX = "/ftosapi/automation-processors/actions/";
const actionPathPattern = /^\/ftosapi\/automation-processors\/actions\/([^/]+)\/?$/i;
/** Every POST under the prefix is this route's, so a wrong name gets a problem too, not the plain 404. */
const underPrefix = /^\/ftosapi\/automation-processors\/actions(?:\/|$)/i;

export const actionPath = (name: string) => `${ACTIONS_PREFIX}${name}`;

export interface ActionRouteOptions {
  maxBodyBytes: number;
  actions: ActionIndex;
  dispatch: () => Dispatch;
  /** False while the one-process server has no open database (a bridge apart is always ready). */
  ready: (scope: RequestScope) => boolean;
}

/**
 * POST /ftosapi/automation-processors/actions/{ActionName}, the second door: the body is what
 * callAction's `Data` holds, the answer what its `UIResult.Data` holds, failures are RFC 9457
 * problems with callAction's statuses. Everything is judged from the headers before the body.
 */
export function actionRoute(options: ActionRouteOptions): HttpRoute {
  const lookUp = (scope: RequestScope): ActionName => {
    const path = scope.url.pathname;
    const encoded = actionPathPattern.exec(path)?.[1] ?? path.slice(ACTIONS_PREFIX.length);
    let name: string;
    try {
      name = decodeURIComponent(encoded);
    } catch {
      name = encoded;
    }
    const found = options.actions.byName(name);
    // Only known names become labels: each label value is a metrics series kept for good.
    scope.label = found?.name ?? UNKNOWN_LABEL;
    if (!found) {
      throw new AppError(
        "NOT_FOUND",
        name ? `Unknown action ${echoName(name)}.` : `Name the action: POST ${ACTIONS_PREFIX}{ActionName}.`,
      );
    }
    return found;
  };
  return {
    name: "action",
    readsBody: true,
    matches: (method, path) => method === "POST" && underPrefix.test(path),
    async handle(req, res, scope) {
      // An action without parameters may be called with no body and no Content-Type.
      if ((hasBody(req) || req.headers["content-type"] !== undefined) && !isJsonContentType(req)) {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the parameters as application/json.");
      }
      const found = lookUp(scope);
      if (!options.ready(scope)) throw new AppError("UNAVAILABLE", "The server is starting; retry shortly.");
      await authorizeBearerHeader(req, scope, found.action.access);
      const data = parseBody(await readBody(req, options.maxBodyBytes));
      const output = await runAction(
        options.dispatch(),
        found.action,
        data,
        { token: bearerToken(req.headers.authorization), claimedUserName: null },
        scope,
        "",
      );
      sendJson(res, 200, output, found.legacy ? legacyHeaders(found) : {});
    },
    sendError(res, error, scope) {
      // A refused legacy call is deprecated too: the integrator fixing it should move to the new name.
      const found = options.actions.byName(scope.label);
      sendProblem(res, error, scope.requestId, found?.legacy ? legacyHeaders(found) : {});
    },
  };
}

const legacyHeaders = (found: ActionName) => deprecationHeaders(found.action, actionPath(found.action.name));

/** The parameters: a JSON object, or nothing (an empty body or `null`) for actions without any. */
function parseBody(body: Buffer): unknown {
  const text = utf8Text(body).trim();
  if (text === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  if (value !== null && (typeof value !== "object" || Array.isArray(value))) {
    const message = "The request body must be a JSON object holding the action's parameters, or empty.";
    throw new AppError("BAD_REQUEST", message, [{ field: "", message }]);
  }
  return value;
}
