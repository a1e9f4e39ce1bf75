import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { changesBetween, creationChanges, merge, withinSection } from "./record-changes";

interface Fields {
  a: string;
  b: string | null;
  c: string | null;
}

describe("merge", () => {
  it("keeps fields left out (undefined), clears fields sent as null, takes the rest", () => {
    const stored: Fields = { a: "1", b: "2", c: "3" };
    expect(merge(stored, { a: "9", b: undefined, c: null })).toEqual({ a: "9", b: "2", c: null });
    expect(stored).toEqual({ a: "1", b: "2", c: "3" });
  });
});

describe("changesBetween", () => {
  it("lists each changed field with its old and new value, and nothing when equal", () => {
    expect(changesBetween<Fields>({ a: "1", b: null, c: "3" }, { a: "1", b: "2", c: null })).toEqual({
      b: { old: null, new: "2" },
      c: { old: "3", new: null },
    });
    expect(changesBetween<Fields>({ a: "1", b: null, c: null }, { a: "1", b: null, c: null })).toEqual({});
  });
});

describe("creationChanges", () => {
  it("lists every field with a value as new", () => {
    expect(creationChanges<Fields>({ a: "1", b: null, c: "3" })).toEqual({
      a: { old: null, new: "1" },
      c: { old: null, new: "3" },
    });
  });
});

describe("withinSection", () => {
  it("places field errors under the section and leaves other errors alone", async () => {
    const failing = withinSection("CustomerInfo", async () => {
      throw new AppError("CONFLICT", "Taken.", [{ field: "UniqueID", message: "taken" }]);
    });
    await expect(failing).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Taken.",
      fieldErrors: [{ field: "CustomerInfo.UniqueID", message: "taken" }],
    });
    const plain = new Error("boom");
    await expect(withinSection("X", () => Promise.reject(plain))).rejects.toBe(plain);
  });
});
