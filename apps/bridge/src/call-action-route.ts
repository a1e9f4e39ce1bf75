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
import { type ActionIndex, type AnyAction, AppError, type FieldError } from "@account360/core";
import type { Dispatch } from "./dispatch";
import { failureAnswer, parseEnvelope, successAnswer } from "./envelope";

const callActionPath = /^\/api\/openapi\/callaction\/?$/i;

/** RFC 9745: the moment the legacy names were deprecated, as a structured-field date. */
export const LEGACY_DEPRECATED_SINCE = `@${Date.UTC(2026, 0, 1) / 1000}`;

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
      const dispatch = options.dispatch();
      let output: unknown;
      try {
        output = await dispatch(
          found.action,
          envelope.data,
          { token: envelope.token, claimedUserName: envelope.userName },
          scope.requestId,
        );
      } catch (error) {
        const app =
          error instanceof AppError ? error : new AppError("INTERNAL", "An unexpected error occurred.");
        // The answer says only "quote the request id": the cause must be in the log under that id.
        if (app.code === "INTERNAL")
          scope.log.error({ requestId: scope.requestId, err: app.cause ?? error }, "action failed");
        throw new AppError(app.code, app.message, dataPaths(app.fieldErrors));
      }
      const message = found.legacy
        ? `${found.action.message(output)}. ${found.name} is deprecated; use ${found.action.name}`
        : found.action.message(output);
      const answer = successAnswer(message, output, scope.requestId);
      sendJson(res, answer.status, answer.body, found.legacy ? deprecationHeaders(found.action) : {});
    },
    sendError(res, error, scope) {
      const answer = failureAnswer(error, scope.requestId);
      // A refused legacy call is deprecated too: the integrator fixing it should move to the new name.
      const found = options.actions.byName(scope.label);
      sendJson(res, answer.status, answer.body, found?.legacy ? deprecationHeaders(found.action) : {});
    },
  };
}

/** RFC 9745 `Deprecation` and a `Link` to the replacement, for the legacy action names only. */
function deprecationHeaders(action: AnyAction): Record<string, string> {
  return {
    Deprecation: LEGACY_DEPRECATED_SINCE,
    Link: `</api/openApi/openapi.json>; rel="successor-version"; title="${action.name}"`,
  };
}

/** Field paths as the integrator sees them: inside Data. */
function dataPaths(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field || "Request.Data" }));
}
