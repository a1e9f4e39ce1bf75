import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithoutDatabase } from "./test/bridge-server";

const swaggerUi = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

let stop: () => Promise<void>;
let url = "";

beforeAll(async () => {
  const running = await startWithoutDatabase();
  stop = running.stop;
  url = running.url;
});
afterAll(async () => {
  await stop?.();
});

/** The page's script and stylesheet addresses, in order. */
const referencesOf = (html: string) =>
  [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);

describe("GET /api/docs", () => {
  it("serves the reference page, which loads only this server's files under a policy of its own", async () => {
    const page = await fetch(`${url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await page.text();
    const references = referencesOf(html);
    expect(references).toEqual([
      "/api/docs/swagger-ui.css",
      "/api/docs/favicon-32x32.png",
      "/api/docs/swagger-ui-bundle.js",
      "/api/docs/init.js",
    ]);
    // No CDN, no inline script (the policy would refuse it).
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>/);
    expect((await fetch(`${url}/API/DOCS/`)).status).toBe(200);
  });

  it("serves the renderer from the installed swagger-ui-dist, byte for byte", async () => {
    for (const [name, type] of [
      ["swagger-ui-bundle.js", /^text\/javascript/],
      ["swagger-ui.css", /^text\/css/],
      ["favicon-32x32.png", /^image\/png/],
    ] as const) {
      const answer = await fetch(`${url}/api/docs/${name}`);
      expect(answer.status, name).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(type);
      expect(Buffer.from(await answer.arrayBuffer()).equals(readFileSync(join(swaggerUi, name))), name).toBe(
        true,
      );
    }
  });

  it("points the renderer at the served OpenAPI document, with no validator sending it elsewhere", async () => {
    const init = await (await fetch(`${url}/api/docs/init.js`)).text();
    const documentUrl = /url: "([^"]+)"/.exec(init)?.[1] ?? "";
    expect(documentUrl).toBe("/api/openApi/openapi.json");
    expect(init).toContain("validatorUrl: null");
    const document = await fetch(`${url}${documentUrl}`);
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
  });

  it("serves nothing else of the package, and no path outside it", async () => {
    for (const path of [
      "/api/docs/index.html",
      "/api/docs/package.json",
      "/api/docs/swagger-initializer.js",
      "/api/docs/..%2F..%2Fpackage.json",
      "/api/docs/%2e%2e/package.json",
    ]) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    }
  });
});
