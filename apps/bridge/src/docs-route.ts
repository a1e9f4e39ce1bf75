import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
// Aliased: the bundle's banner declares its own createRequire (build.ts).
import { createRequire as requireFrom } from "node:module";
import { dirname, join } from "node:path";
import type { HttpRoute } from "@account360/api";
import { AppError, httpStatusOf } from "@account360/core";

/**
 * The reference page's own policy: Swagger UI's scripts and styles from this server only (no
 * CDN), its inline styles and data: icons, and calls ("Try it out") to this origin only.
 */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Account360 API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

// No validator badge: it would send the document to validator.swagger.io.
const INIT = `window.ui = SwaggerUIBundle({
  url: "/api/openApi/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
});
`;

/** The renderer's files this page uses, with their types; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const docsPath = /^\/api\/docs\/?$/i;
const assetPath = /^\/api\/docs\/([a-z0-9.-]+)$/i;

/** Where swagger-ui-dist is installed; resolved at run time, so the bundle stays small. */
function swaggerUiDir(): string {
  return dirname(requireFrom(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

function send(res: ServerResponse, method: string, body: Buffer | string, type: string, cache: string) {
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(200, {
    "Content-Type": type,
    "Content-Length": String(payload.length),
    "Content-Security-Policy": DOCS_CSP,
    "Cache-Control": cache,
  });
  res.end(method === "HEAD" ? undefined : payload);
}

/**
 * GET /api/docs: the interactive reference of the OpenAPI document, rendered by Swagger UI
 * (swagger-ui-dist, served from node_modules: no CDN, nothing fetched from elsewhere).
 */
export function docsRoute(): HttpRoute {
  const files = new Map<string, Buffer>();
  return {
    name: "docs",
    matches: (method, path) =>
      (method === "GET" || method === "HEAD") && (docsPath.test(path) || assetPath.test(path)),
    async handle(req, res, scope) {
      const method = req.method ?? "GET";
      const pathname = scope.url.pathname;
      if (docsPath.test(pathname)) return send(res, method, PAGE, "text/html; charset=utf-8", "no-cache");
      const name = assetPath.exec(pathname)?.[1] ?? "";
      if (name === "init.js") return send(res, method, INIT, "text/javascript; charset=utf-8", "no-cache");
      const type = ASSETS[name];
      if (!type) throw new AppError("NOT_FOUND", `No file ${pathname}.`);
      let file = files.get(name);
      if (!file) {
        file = readFileSync(join(swaggerUiDir(), name));
        files.set(name, file);
      }
      send(res, method, file, type, "public, max-age=3600");
    },
    sendError(res, error) {
      const status = httpStatusOf[error.code];
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`${error.message}\n`);
    },
  };
}
