import { AppError, httpStatusOf } from "@account360/core";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { bearerToken, createContextInner } from "../context";
import { sendJson } from "./respond";
import type { HttpRoute } from "./route";
import { requireDeps } from "./server";

/** tRPC at /trpc/<path>; the body limit is INGEST_MAX_BODY_BYTES since ingest batches are large. */
export function trpcRoute(maxBodySize: number): HttpRoute {
  return {
    name: "trpc",
    matches: (_method, path) => path.startsWith("/trpc/"),
    async handle(req, res, scope) {
      const deps = requireDeps(scope);
      const path = procedurePath(scope.url.pathname);
      scope.label = path;
      await nodeHTTPRequestHandler({
        req,
        res,
        path,
        router: deps.router,
        maxBodySize,
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
      sendJson(res, httpStatusOf[error.code], {
        error: {
          message: error.message,
          code: error.code,
          data: { appCode: error.code, requestId: scope.requestId },
        },
      });
    },
  };
}

/** The procedure path; a malformed percent-escape is the caller's mistake (400), not a crash (500). */
function procedurePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice("/trpc/".length));
  } catch {
    throw new AppError("BAD_REQUEST", "The procedure path is not valid percent-encoding.");
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : null;
}
