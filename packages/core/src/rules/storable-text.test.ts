import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { assertStorableText } from "./storable-text";

function problemsOf(data: unknown): { field: string; message: string }[] {
  try {
    assertStorableText(data, "input");
    return [];
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors;
    throw error;
  }
}

describe("assertStorableText", () => {
  it("passes text PostgreSQL can store, surrogate pairs and all", () => {
    expect(problemsOf({ name: "Ștefan 😀", tags: ["a", { b: "c" }] })).toEqual([]);
  });

  it("names every field holding a NUL or half a surrogate pair, keys included", () => {
    const problems = problemsOf({
      CustomerInfo: { firstName: "A\u0000", list: ["ok", "\ud800"] },
      ["k\u0000"]: 1,
    });
    expect(problems.map((p) => p.field).sort()).toEqual([
      "CustomerInfo.firstName",
      "CustomerInfo.list.1",
      "k\u0000",
    ]);
  });

  it("names the root when the input itself is such a string", () => {
    expect(problemsOf("\udc00")).toEqual([{ field: "input", message: expect.stringContaining("surrogate") }]);
  });

  it("walks deep nesting without recursion and skips what JSON cannot make, cycles included", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(problemsOf(deep)).toHaveLength(1);

    class Stream {
      self = this;
      text = "\u0000";
    }
    expect(problemsOf({ body: new Stream() })).toEqual([]);
  });
});
