import { readFile, realpath, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { HttpRoute } from "@account360/api";
import { AppError, httpStatusOf } from "@account360/core";

/** The built Customer 360 page (`pnpm --filter @account360/web build`). */
const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Relaxes the API's `default-src 'none'` just enough for the page: its own scripts, data: pictures, chart styles. */
export const WEB_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** Client-side routes: the page decides what they show, the server answers index.html. */
const PAGE_PATH = /^\/(?:index\.html|customers(?:\/[^/]*)?\/?)?$/;
/** Files of the build: hashed assets and the few files copied from public/. */
const FILE_PATH = /^\/(?:assets\/[^/]+|favicon\.svg)$/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Account360: page not built</title></head>
<body><h1>The web page is not built yet</h1>
<p>The API is running. To get the Customer 360 page, run <code>pnpm --filter @account360/web build</code>
(or start the server with <code>pnpm start</code>, which builds it first) and reload.</p></body></html>
`;

function send(
  res: ServerResponse,
  method: string,
  status: number,
  body: Buffer | string,
  headers: Record<string, string>,
) {
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, {
    "Content-Security-Policy": WEB_CSP,
    "Content-Length": String(payload.length),
    ...headers,
  });
  res.end(method === "HEAD" ? undefined : payload);
}

function htmlError(status: number, message: string): string {
  const safe = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><p>${safe}</p><p><a href="/">Account360</a></p></body></html>\n`;
}

/** The file under `root` that `pathname` names, or null for anything that could step outside it. */
async function fileOf(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (
    decoded.includes("\0") ||
    decoded.includes("\\") ||
    decoded.split("/").some((s) => s === ".." || s === ".")
  ) {
    return null;
  }
  const candidate = resolve(root, `.${decoded}`);
  if (!candidate.startsWith(root + sep)) return null;
  try {
    // realpath: a symbolic link inside the build must not lead outside it either.
    const real = await realpath(candidate);
    const realRoot = await realpath(root);
    if (!real.startsWith(realRoot + sep) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

/**
 * Serves the built web page from the API's own server: index.html for `/` and the page's
 * routes, the build's assets with their content types. Only GET and HEAD on those paths, so
 * every other path keeps the API's JSON answers.
 */
export function webRoute(options: { distDir?: string } = {}): HttpRoute {
  const root = resolve(options.distDir ?? DEFAULT_WEB_DIST);
  return {
    name: "web",
    matches: (method, path) =>
      (method === "GET" || method === "HEAD") && (PAGE_PATH.test(path) || FILE_PATH.test(path)),
    async handle(req, res, scope) {
      const method = req.method ?? "GET";
      const index = resolve(root, "index.html");
      // Checked on every request, so a build made while the server runs is served at once.
      const built = await stat(index).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!built) {
        send(res, method, 404, NOT_BUILT, { "Content-Type": "text/html; charset=utf-8" });
        return;
      }
      const pathname = scope.url.pathname;
      if (PAGE_PATH.test(pathname)) {
        send(res, method, 200, await readFile(index), {
          "Content-Type": "text/html; charset=utf-8",
          "Cache-Control": "no-cache",
        });
        return;
      }
      const file = await fileOf(root, pathname);
      const type = file ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined;
      if (!file || !type) throw new AppError("NOT_FOUND", `No file ${pathname}.`);
      send(res, method, 200, await readFile(file), {
        "Content-Type": type,
        // Vite puts a content hash in every asset's name, so an asset never changes under its URL.
        "Cache-Control": pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      });
    },
    sendError(res, error) {
      const status = httpStatusOf[error.code];
      res.writeHead(status, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": WEB_CSP,
      });
      res.end(htmlError(status, error.message));
    },
  };
}
