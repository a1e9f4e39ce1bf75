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
import { AppError, type FieldError, toFieldErrors, validationError } from "@account360/core";
import { z } from "zod";
import { type BridgeAction, findAction } from "./actions";
import type { ApiClientFactory } from "./api-client";
import { appErrorFromClient } from "./api-client";
import { canonicalizeKeys, toSentPaths } from "./canonical-keys";
import { failureAnswer, parseEnvelope, successAnswer } from "./envelope";

const callActionPath = /^\/api\/openapi\/callaction\/?$/i;

export interface CallActionOptions {
  maxBodyBytes: number;
  /** Resolved per request, since the in-process client needs the open database. */
  clients: () => ApiClientFactory;
}

/** POST /api/openApi/CallAction: envelope in, the same use cases as tRPC, envelope out. */
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
      const action = findAction(envelope.actionName);
      // Only known names become labels: each label value is a metrics series kept for good.
      scope.label = action?.name ?? UNKNOWN_LABEL;
      if (!action) {
        const message = `Unknown action ${echoName(envelope.actionName)}.`;
        throw new AppError("NOT_FOUND", message, [{ field: "Request.ActionName", message }]);
      }
      const input = canonicalInput(action, envelope.data);
      const client = options.clients()(
        { token: envelope.token, claimedUserName: envelope.userName },
        scope.requestId,
      );
      let output: unknown;
      try {
        output = await action.call(client, input.value);
      } catch (error) {
        const app = appErrorFromClient(error);
        // The answer says only "quote the request id": the cause must be in the log under that id.
        if (app.code === "INTERNAL")
          scope.log.error({ requestId: scope.requestId, err: error }, "action failed");
        throw new AppError(app.code, app.message, dataPaths(toSentPaths(app.fieldErrors, input.sentPaths)));
      }
      let message = action.message(output);
      if (action.legacyOf) {
        message = `${message}. ${action.name} is deprecated; use ${action.legacyOf.replacement}`;
      }
      const answer = successAnswer(message, output, scope.requestId);
      sendJson(res, answer.status, answer.body, deprecationHeaders(action));
    },
    sendError(res, error, scope) {
      const answer = failureAnswer(error, scope.requestId);
      // A refused legacy call is deprecated too: the integrator fixing it should move to the new name.
      sendJson(res, answer.status, answer.body, deprecationHeaders(findAction(scope.label)));
    },
  };
}

/** RFC 9745 `Deprecation` and a `Link` to the replacement, for the legacy action names only. */
function deprecationHeaders(action: BridgeAction | undefined): Record<string, string> {
  if (!action?.legacyOf) return {};
  return {
    Deprecation: action.legacyOf.deprecatedSince,
    Link: `</api/openApi/openapi.json>; rel="successor-version"; title="${action.legacyOf.replacement}"`,
  };
}

/** Data with the schema's key spelling; null stays null (the use case says what is missing). */
function canonicalInput(action: BridgeAction, data: unknown) {
  if (data === null) return { value: null, sentPaths: new Map<string, string>() };
  if (!action.schema) {
    if (Object.keys(data as object).length > 0) {
      const message = `${action.name} takes no Data; send null.`;
      throw new AppError("BAD_REQUEST", message, [{ field: "Request.Data", message }]);
    }
    return { value: null, sentPaths: new Map<string, string>() };
  }
  const result = canonicalizeKeys(action.schema, data);
  if (result.unknownFields.length > 0) {
    // Report the known fields' problems in the same answer: every invalid field at once.
    const checked = z.safeParse(action.schema, result.value);
    const invalid = checked.success ? [] : toSentPaths(toFieldErrors(checked.error), result.sentPaths);
    throw validationError(dataPaths([...result.unknownFields, ...invalid]));
  }
  return result;
}

/** Field paths as the integrator sees them: inside Data. */
function dataPaths(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field || "Request.Data" }));
}
