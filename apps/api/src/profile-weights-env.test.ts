import { describe, expect, it } from "vitest";
import { createApp } from "./app";
import { loadEnv } from "./env";

describe("PROFILE_WEIGHTS and LEGAL_ENTITY_PROFILE_WEIGHTS", () => {
  it("change the weights they name and keep the others", () => {
    const { settings } = createApp(loadEnv({ LEGAL_ENTITY_PROFILE_WEIGHTS: "industry=5, name=20" }));
    expect(settings.legalEntityProfileWeights).toMatchObject({ industry: 5, name: 20, UniqueID: 15 });
    expect(settings.profileWeights.firstName).toBe(10);
  });

  it("refuse a malformed entry, an unknown field and weights that do not sum to 100, at start-up", () => {
    expect(() => loadEnv({ PROFILE_WEIGHTS: "picture:10" })).toThrow(/not field=weight/);
    expect(() => createApp(loadEnv({ LEGAL_ENTITY_PROFILE_WEIGHTS: "nickname=0" }))).toThrow(
      /Unknown legal entity profile weight/,
    );
    expect(() => createApp(loadEnv({ LEGAL_ENTITY_PROFILE_WEIGHTS: "industry=50" }))).toThrow(/sum to 100/);
  });
});
