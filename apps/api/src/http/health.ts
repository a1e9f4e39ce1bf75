import { httpStatusOf } from "@account360/core";
import type { Metrics } from "../metrics";
import { sendJson, sendText } from "./respond";
import type { HttpRoute } from "./route";

// The error's own status: a 429 from the in-flight cap must not read as a 500.
const jsonError: HttpRoute["sendError"] = (res, error, scope) =>
  sendJson(res, httpStatusOf[error.code], {
    status: error.code === "UNAVAILABLE" ? "unavailable" : error.code.toLowerCase(),
    message: error.message,
    requestId: scope.requestId,
  });

export const healthzRoute: HttpRoute = {
  name: "healthz",
  matches: (method, path) => method === "GET" && path === "/healthz",
  handle: async (_req, res) => sendJson(res, 200, { status: "ok" }),
  sendError: jsonError,
};

/**
 * 200 only once migrations ran and a database round trip succeeds now; a process without a
 * database (a bridge in front of a separate API) asks `readiness` instead.
 */
export const readyzRoute = (readiness?: () => Promise<boolean>): HttpRoute => ({
  name: "readyz",
  matches: (method, path) => method === "GET" && path === "/readyz",
  async handle(_req, res, scope) {
    if (readiness) return sendJson(res, (await readiness()) ? 200 : 503, { status: "forwarding" });
    if (!scope.deps) return sendJson(res, 503, { status: "starting" });
    try {
      await scope.deps.ping();
      sendJson(res, 200, { status: "ready", database: scope.deps.dbKind });
    } catch (error) {
      scope.log.warn({ err: error }, "readiness check failed");
      sendJson(res, 503, { status: "database unavailable" });
    }
  },
  sendError: jsonError,
});

export function metricsRoute(metrics: Metrics): HttpRoute {
  return {
    name: "metrics",
    matches: (method, path) => method === "GET" && path === "/metrics",
    async handle(_req, res) {
      sendText(res, 200, await metrics.registry.metrics(), metrics.registry.contentType);
    },
    sendError: jsonError,
  };
}
