import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorsOf } from "../testing/examples";
import {
  invalid,
  optional,
  optionalNumeric,
  required,
  requiredBoolean,
  requiredNumeric,
  valid,
} from "./field";
import { systemIdentifier } from "./system-id";

const upper = (value: string, label: string) =>
  value === "BAD" ? invalid(`${label} is bad`) : valid(value.toUpperCase());
const schema = z.strictObject({
  need: required("need", upper),
  may: optional("may", upper),
  count: requiredNumeric("count", (value) => valid(String(value))),
  maybe: optionalNumeric("maybe", (value) => valid(String(value))),
  id: optional("id", systemIdentifier),
});
const errors = (data: unknown) => errorsOf(schema, data);

describe("required and optional fields", () => {
  it("trim before the rule runs and answer its canonical value", () => {
    expect(schema.parse({ need: " a ", may: " b ", count: " 1 " })).toEqual({
      need: "A",
      may: "B",
      count: "1",
    });
  });

  it("leave an absent optional field absent, and read null or blank as null", () => {
    const parsed = schema.parse({ need: "a", count: 1 });
    expect("may" in parsed).toBe(false);
    expect(schema.parse({ need: "a", count: 1, may: null, maybe: null, id: null })).toMatchObject({
      may: null,
      maybe: null,
      id: null,
    });
    expect(schema.parse({ need: "a", count: 1, may: "  ", maybe: "", id: "" })).toMatchObject({
      may: null,
      maybe: null,
      id: null,
    });
  });

  it("report every field at once, each under its own name", () => {
    expect(errors({ need: null, may: "BAD", count: true, maybe: {}, id: "42" })).toEqual([
      { field: "need", message: "need is required" },
      { field: "may", message: "may is bad" },
      { field: "count", message: "count must be a number or a numeric string" },
      { field: "maybe", message: "maybe must be a number, a numeric string or null" },
      { field: "id", message: "id must be a UUID this system created" },
    ]);
    expect(errors({ need: " ", count: "", may: 5 })).toEqual([
      { field: "need", message: "need must not be empty" },
      { field: "may", message: "may must be a string or null" },
      { field: "count", message: "count must not be empty" },
    ]);
  });

  it("read system identifiers lower-case", () => {
    expect(schema.parse({ need: "a", count: 1, id: " 6F1C8E0E-2B1A-4C2B-9F0B-1A2B3C4D5E6F " }).id).toBe(
      "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f",
    );
  });
});

describe("requiredBoolean", () => {
  const flag = z.strictObject({ paid: requiredBoolean("paid") });

  it("takes JSON true and false", () => {
    expect(flag.parse({ paid: true })).toEqual({ paid: true });
    expect(flag.parse({ paid: false })).toEqual({ paid: false });
  });

  it("refuses a missing value and anything but a boolean, strings included", () => {
    const messages = (paid: unknown) => flag.safeParse({ paid }).error?.issues.map((issue) => issue.message);
    expect(messages(undefined)).toEqual(["paid is required"]);
    expect(messages(null)).toEqual(["paid is required"]);
    expect(messages("true")).toEqual(["paid must be true or false"]);
    expect(messages(1)).toEqual(["paid must be true or false"]);
  });
});
