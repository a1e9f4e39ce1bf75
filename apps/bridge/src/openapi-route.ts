import { type HttpRoute, sendJson } from "@account360/api";
import { buildOpenApiDocument } from "./openapi";

let cached: Record<string, unknown> | null = null;

export const openApiRoute: HttpRoute = {
  name: "openapi",
  matches: (method, path) => method === "GET" && /^\/api\/openapi\/openapi\.json$/i.test(path),
  async handle(_req, res) {
    cached ??= buildOpenApiDocument();
    sendJson(res, 200, cached);
  },
  sendError(res, error) {
    sendJson(res, 500, { message: error.message });
  },
};
