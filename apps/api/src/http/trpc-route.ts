import { httpStatusOf } from "@account360/core";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { bearerToken, createContextInner } from "../context";
import { appRouter } from "../router";
import { trpcCodeOf } from "../trpc/init";
import { UNKNOWN_LABEL } from "./labels";
import { sendJson } from "./respond";
import type { HttpRoute } from "./route";
import { requireDeps } from "./server";
import { MAX_BATCH_CALLS, trpcCalls } from "./trpc-calls";

/** tRPC at /trpc/<path>; the body limit is INGEST_MAX_BODY_BYTES since ingest batches are large. */
export function trpcRoute(maxBodySize: number): HttpRoute {
  return {
    name: "trpc",
    matches: (_method, path) => path.startsWith("/trpc/"),
    async handle(req, res, scope) {
      const deps = requireDeps(scope);
      scope.label = UNKNOWN_LABEL;
      const calls = trpcCalls(scope.url);
      scope.label = calls.length === 1 ? (calls[0]?.path ?? UNKNOWN_LABEL) : "batch";
      await nodeHTTPRequestHandler({
        req,
        res,
        path: calls.map((call) => call.path).join(","),
        router: appRouter,
        maxBodySize,
        maxBatchSize: MAX_BATCH_CALLS,
        allowMethodOverride: true,
        createContext: () =>
          createContextInner(
            deps,
            {
              token: bearerToken(req.headers.authorization),
              claimedUserName: headerValue(req.headers["x-api-username"]),
            },
            scope.requestId,
          ),
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
