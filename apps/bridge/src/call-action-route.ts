import {
  authenticateBearerHeader,
  bearerToken,
  echoName,
  type HttpRoute,
  isJsonContentType,
  readBody,
  sendJson,
  UNKNOWN_LABEL,
} from "@account360/api";
import { type ActionIndex, type AnyAction, AppError } from "@account360/core";
import { deprecationHeaders } from "./deprecation";
import type { Dispatch } from "./dispatch";
import { failureAnswer, parseEnvelope, successAnswer } from "./envelope";
import { runAction } from "./run-action";

const callActionPath = /^\/api\/openapi\/callaction\/?$/i;

export interface CallActionOptions {
  maxBodyBytes: number;
  actions: ActionIndex;
  /** Resolved per request: in one process the dispatch needs the open database. */
  dispatch: () => Dispatch;
}

/** POST /api/openApi/CallAction: envelope in, the action's own procedure, envelope out. */
export function callActionRoute(options: CallActionOptions): HttpRoute {
  return {
    name: "callAction",
    readsBody: true,
    matches: (method, path) => method === "POST" && callActionPath.test(path),
    async handle(req, res, scope) {
      if (!isJsonContentType(req)) {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the envelope as application/json.");
      }
      await authenticateBearerHeader(req, scope);
      const body = await readBody(req, options.maxBodyBytes);
      const envelope = parseEnvelope(body, bearerToken(req.headers.authorization));
      const found = options.actions.byName(envelope.actionName);
      // Only known names become labels: each label value is a metrics series kept for good.
      scope.label = found?.name ?? UNKNOWN_LABEL;
      if (!found) {
        const message = `Unknown action ${echoName(envelope.actionName)}.`;
        throw new AppError("NOT_FOUND", message, [{ field: "Request.ActionName", message }]);
      }
      const output = await runAction(
        options.dispatch(),
        found.action,
        envelope.data,
        { token: envelope.token, claimedUserName: envelope.userName },
        scope,
        "Request.Data",
      );
      const message = found.legacy
        ? `${found.action.message(output)}. ${found.name} is deprecated; use ${found.action.name}`
        : found.action.message(output);
      const answer = successAnswer(message, output, scope.requestId);
      sendJson(res, answer.status, answer.body, found.legacy ? legacyHeaders(found.action) : {});
    },
    sendError(res, error, scope) {
      const answer = failureAnswer(error, scope.requestId);
      // A refused legacy call is deprecated too: the integrator fixing it should move to the new name.
      const found = options.actions.byName(scope.label);
      sendJson(res, answer.status, answer.body, found?.legacy ? legacyHeaders(found.action) : {});
    },
  };
}

const legacyHeaders = (action: AnyAction) => deprecationHeaders(action, "/api/openApi/openapi.json");
