import type { IncomingMessage } from "node:http";
import { httpStatusOf } from "@account360/core";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { bearerToken, createContextInner } from "../context";
import { trpcCodeOf } from "../trpc/init";
import { admitWithoutBody, readBody, utf8Text } from "./body";
import { authorizeTrpcCalls } from "./header-auth";
import { UNKNOWN_LABEL } from "./labels";
import { RETRY_UNAVAILABLE_AFTER_SECONDS, sendJson } from "./respond";
import type { HttpRoute } from "./route";
import { requireDeps } from "./server";
import { MAX_BATCH_CALLS, trpcCalls } from "./trpc-calls";

export interface TrpcRouteOptions {
  /** The body limit of every procedure but `ingest.*`. */
  maxBodyBytes: number;
  /** The body limit of `ingest.*`, whose batches of up to 10,000 rows are large. */
  ingestMaxBodyBytes: number;
}

/**
 * tRPC at /trpc/<path>. The procedures, the caller's token and roles are judged from the URL and
 * headers first; only then is the body read, up to the limit of the procedures called.
 */
export function trpcRoute(options: TrpcRouteOptions): HttpRoute {
  return {
    name: "trpc",
    readsBody: true,
    matches: (_method, path) => path.startsWith("/trpc/"),
    async handle(req, res, scope) {
      const deps = requireDeps(scope);
      scope.label = UNKNOWN_LABEL;
      const calls = trpcCalls(scope.url, deps.router);
      scope.label = calls.length === 1 ? (calls[0]?.path ?? UNKNOWN_LABEL) : "batch";
      const claimedUserName = headerValue(req.headers["x-api-username"]);
      await authorizeTrpcCalls(req, scope, calls, claimedUserName);
      const limit = calls.some((call) => call.path.startsWith("ingest."))
        ? options.ingestMaxBodyBytes
        : options.maxBodyBytes;
      if (req.method === "GET" || req.method === "HEAD") admitWithoutBody(req);
      // tRPC reads the body itself unless it is given one; this one was read with the limit above.
      else (req as IncomingMessage & { body?: string }).body = utf8Text(await readBody(req, limit));
      await nodeHTTPRequestHandler({
        req,
        res,
        path: calls.map((call) => call.path).join(","),
        router: deps.router,
        maxBodySize: limit,
        maxBatchSize: MAX_BATCH_CALLS,
        allowMethodOverride: true,
        createContext: () =>
          createContextInner(
            deps,
            { token: bearerToken(req.headers.authorization), claimedUserName },
            scope.requestId,
          ),
        // A call refused because the database is out of reach says when to retry, as on callAction.
        responseMeta: ({ errors }) =>
          errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
            ? { headers: { "Retry-After": RETRY_UNAVAILABLE_AFTER_SECONDS } }
            : {},
        onError: ({ error, path: failedPath }) => {
          if (error.code === "INTERNAL_SERVER_ERROR") {
            scope.log.error(
              { requestId: scope.requestId, path: failedPath, err: error.cause ?? error },
              "procedure failed",
            );
          }
        },
      });
    },
    sendError(res, error, scope) {
      // tRPC's own error shape, so a tRPC client reads the status and code as from any procedure.
      const code = trpcCodeOf[error.code];
      sendJson(res, httpStatusOf[error.code], {
        error: {
          message: error.message,
          code: TRPC_ERROR_CODES_BY_KEY[code],
          data: {
            code,
            httpStatus: httpStatusOf[error.code],
            appCode: error.code,
            fieldErrors: error.fieldErrors,
            requestId: scope.requestId,
          },
        },
      });
    },
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : null;
}
