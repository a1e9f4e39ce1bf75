import { describe, expect, it } from "vitest";
import { loadBridgeEnv } from "./env";

describe("the bridge's environment", () => {
  it("is the API server's with API_URL: unset or blank runs everything in one process", () => {
    const env = loadBridgeEnv({ API_URL: " ", MAX_BODY_BYTES: "2048", PGLITE_DIR: "memory://" });
    expect(env.API_URL).toBeUndefined();
    expect(env).toMatchObject({ MAX_BODY_BYTES: 2048, PGLITE_DIR: "memory://", PORT: 3000 });
  });

  it("takes an http(s) API_URL and refuses anything else by name", () => {
    expect(loadBridgeEnv({ API_URL: " http://api.internal:3000 " }).API_URL).toBe("http://api.internal:3000");
    expect(() => loadBridgeEnv({ API_URL: "api.internal:3000" })).toThrow(
      /API_URL must be an http\(s\):\/\/ URL/,
    );
    expect(() => loadBridgeEnv({ API_URL: "ftp://api.internal" })).toThrow(/API_URL/);
  });
});
