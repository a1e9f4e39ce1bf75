import { type HttpRoute, sendJson } from "@account360/api";
import type { ActionIndex } from "@account360/core";
import { buildOpenApiDocument } from "./openapi";

export function openApiRoute(actions: ActionIndex): HttpRoute {
  let cached: Record<string, unknown> | null = null;
  return {
    name: "openapi",
    matches: (method, path) => method === "GET" && /^\/api\/openapi\/openapi\.json$/i.test(path),
    async handle(_req, res) {
      cached ??= buildOpenApiDocument(actions);
      sendJson(res, 200, cached);
    },
    sendError(res, error) {
      sendJson(res, 500, { message: error.message });
    },
  };
}
