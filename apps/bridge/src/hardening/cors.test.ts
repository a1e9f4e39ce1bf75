import { describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import { CALL_ACTION, envelope, securityHeaderProblems, send } from "../test/hardening/harness";

/**
 * CORS with CORS_ORIGINS=https://bank.example: a browser page of that origin may call the API
 * (preflight allowed, answers readable); a page of any other origin may not. Without
 * CORS_ORIGINS no answer carries CORS headers at all (headers.test.ts).
 */

const ALLOWED = "https://bank.example";
const server = hardenedServerForFile({ CORS_ORIGINS: ALLOWED });

const preflight = (origin: string, path = CALL_ACTION) =>
  send(server.url, {
    method: "OPTIONS",
    path,
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });

describe("CORS with CORS_ORIGINS set", () => {
  it("allows a preflight from the configured origin, for callAction and tRPC", async () => {
    for (const path of [CALL_ACTION, "/trpc/customers.upsertIndividual"]) {
      const answer = await preflight(ALLOWED, path);
      expect(answer.status).toBe(204);
      expect(answer.headers["access-control-allow-origin"]).toBe(ALLOWED);
      expect(answer.headers.vary).toMatch(/Origin/);
      expect(String(answer.headers["access-control-allow-methods"])).toMatch(/POST/);
      expect(String(answer.headers["access-control-allow-headers"]).toLowerCase()).toMatch(/authorization/);
      expect(String(answer.headers["access-control-allow-headers"]).toLowerCase()).toMatch(/content-type/);
      expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
      expect(securityHeaderProblems(answer)).toEqual([]);
    }
  });

  it("does not allow a preflight or a request from any other origin", async () => {
    for (const origin of [
      "https://evil.example",
      "https://bank.example.evil.example",
      "http://bank.example",
      "null",
    ]) {
      const answer = await preflight(origin);
      expect(answer.headers["access-control-allow-origin"], origin).toBeUndefined();
      expect(answer.headers["access-control-allow-methods"], origin).toBeUndefined();
      const call = await send(server.url, {
        path: CALL_ACTION,
        body: envelope("FTOS_ACC_AccountClientLifecycle", null, {}),
        headers: { origin },
      });
      expect(call.status).toBe(401);
      expect(call.headers["access-control-allow-origin"], origin).toBeUndefined();
    }
  });

  it("lets the allowed origin read the answers themselves", async () => {
    const call = await send(server.url, {
      path: CALL_ACTION,
      body: envelope("FTOS_ACC_AccountClientLifecycle", null, {}),
      headers: { origin: ALLOWED },
    });
    expect(call.headers["access-control-allow-origin"]).toBe(ALLOWED);
    expect(securityHeaderProblems(call)).toEqual([]);
  });
});
