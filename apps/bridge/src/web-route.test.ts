import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnv, type RunningServer, startServer } from "@account360/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CSP, webRoute } from "./web-route";

let base: string;
let dist: string;
let server: RunningServer;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "a360-web-route-"));
  dist = join(base, "dist");
  await writeFile(join(base, "secret.txt"), "outside the build");
  // No database: the route serves files only, and the server still answers its own JSON routes.
  server = await startServer({
    env: loadEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", PGLITE_DIR: "memory://" }),
    database: false,
    readiness: async () => true,
    extraRoutes: () => [webRoute({ distDir: dist })],
  });
});
afterAll(async () => {
  await server?.stop();
  await rm(base, { recursive: true, force: true });
});

/** A raw request, so paths reach the server exactly as written (fetch would normalise `..`). */
function get(path: string, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
    const url = new URL(server.url);
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the web page route", () => {
  it("says how to build the page while apps/web/dist is missing", async () => {
    const answer = await get("/");
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.body).toContain("pnpm --filter @account360/web build");
  });

  describe("once built", () => {
    beforeAll(async () => {
      await mkdir(join(dist, "assets"), { recursive: true });
      await writeFile(join(dist, "index.html"), "<!doctype html><title>Account360</title>");
      await writeFile(join(dist, "assets", "index-abc123.js"), "console.log(1)");
      await writeFile(join(dist, "assets", "index-abc123.css"), "body{}");
      await writeFile(join(dist, "favicon.svg"), "<svg/>");
      await symlink(join(base, "secret.txt"), join(dist, "assets", "link.txt"));
    });

    it("answers index.html for / and the page's own routes, with the page's CSP", async () => {
      for (const path of ["/", "/index.html", "/customers/0f8b2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b", "/?q=ana"]) {
        const answer = await get(path);
        expect(answer.status, path).toBe(200);
        expect(answer.body).toContain("<title>Account360</title>");
        expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(answer.headers["content-security-policy"]).toBe(WEB_CSP);
        expect(answer.headers["cache-control"]).toBe("no-cache");
        expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      }
      expect(WEB_CSP).toMatch(/^default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'/);
    });

    it("serves assets with their content types, hashed ones cached for good; HEAD without a body", async () => {
      const js = await get("/assets/index-abc123.js");
      expect([js.status, js.headers["content-type"], js.body]).toEqual([
        200,
        "text/javascript; charset=utf-8",
        "console.log(1)",
      ]);
      expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect((await get("/assets/index-abc123.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
      expect((await get("/favicon.svg")).headers["content-type"]).toBe("image/svg+xml");
      const head = await get("/assets/index-abc123.js", "HEAD");
      expect([head.status, head.headers["content-length"], head.body]).toEqual([200, "14", ""]);
    });

    it("never serves a file outside the build", async () => {
      for (const path of [
        "/assets/../../secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/assets/link.txt",
        "/assets/%00.js",
        "/assets/missing.js",
        "/assets/%E0%A4%A.js",
      ]) {
        const answer = await get(path);
        expect(answer.status, path).toBe(404);
        expect(answer.body, path).not.toContain("outside the build");
      }
    });

    it("leaves every other path and method to the API's JSON answers", async () => {
      const unknown = await get("/nothing-here");
      expect(unknown.status).toBe(404);
      expect(unknown.headers["content-type"]).toMatch(/^application\/json/);
      expect(unknown.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect((await get("/", "POST")).headers["content-type"]).toMatch(/^application\/json/);
      expect((await get("/healthz")).body).toBe('{"status":"ok"}');
    });
  });
});
