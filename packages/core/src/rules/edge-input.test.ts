import { describe, expect, it } from "vitest";
import { z } from "zod";
import { canonicalizeKeys, toSentPaths } from "./edge-input";

describe("canonicalizeKeys", () => {
  const schema = z.strictObject({
    CustomerInfo: z.strictObject({
      firstName: z.string(),
      UniqueID: z.string().trim().pipe(z.string().min(1)),
      email: z.string().optional().nullable(),
    }),
  });

  it("matches field names case-insensitively and returns the canonical spelling", () => {
    const result = canonicalizeKeys(schema, {
      customerinfo: { FIRSTNAME: "Ana", uniqueId: "X1", Email: null },
    });
    expect(result.unknownFields).toEqual([]);
    expect(result.value).toEqual({ CustomerInfo: { firstName: "Ana", UniqueID: "X1", email: null } });
  });

  it("rejects unknown fields and names the closest known one", () => {
    const result = canonicalizeKeys(schema, {
      CustomerInfo: { firstName: "Ana", UniqueID: "1", emial: "a@b.ro" },
    });
    expect(result.unknownFields).toEqual([
      { field: "CustomerInfo.emial", message: "Unknown field emial; did you mean email?" },
    ]);
  });

  it("reports error paths in the caller's spelling", () => {
    const result = canonicalizeKeys(schema, { customerInfo: { FirstName: "Ana", uniqueid: "" } });
    const paths = toSentPaths([{ field: "CustomerInfo.UniqueID", message: "required" }], result.sentPaths);
    expect(paths).toEqual([{ field: "customerInfo.uniqueid", message: "required" }]);
  });
});
