import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { parseInput } from "../rules/edge-input";
import { customerInternalIdField } from "../rules/ids";
import { inclusiveRange, listField } from "./widget-input";

const schema = z
  .strictObject({
    customerInternalId: customerInternalIdField,
    from: z.string(),
    to: z.string(),
    tags: listField("tags").nullish(),
  })
  .superRefine(inclusiveRange("from", "to"));
const id = "0b4c6a8e-8d0f-4f7e-9a57-3c3a8b2f1e10";

function errorOf(input: unknown): AppError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error("expected an AppError");
}

describe("widget input", () => {
  it("reads a list from an array, a JSON array in a string or a comma-separated string", () => {
    const tags = (value: unknown) =>
      parseInput(schema, { customerInternalId: id, from: "a", to: "b", tags: value }).tags;
    expect(tags(["Email", " phone "])).toEqual(["Email", "phone"]);
    expect(tags('["Email","Phone"]')).toEqual(["Email", "Phone"]);
    expect(tags("Email, Phone,,email")).toEqual(["Email", "Phone"]);
    expect(tags("")).toEqual([]);
    expect(tags(undefined)).toBeUndefined();
    expect(errorOf({ customerInternalId: id, from: "a", to: "b", tags: "[1,2]" }).fieldErrors).toEqual([
      { field: "tags", message: "tags must be an array of strings or a comma-separated string" },
    ]);
  });

  it("names every invalid field at once, a missing id by name even for null input", () => {
    expect(errorOf(null).fieldErrors.map((e) => e.field)).toEqual(["customerInternalId", "from", "to"]);
    const unknown = errorOf({ customerInternalId: id, from: "a", to: "b", colour: 1 });
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.fieldErrors).toEqual([
      {
        field: "colour",
        message: "Unknown field colour; the known fields are customerInternalId, from, to, tags.",
      },
    ]);
    expect(unknown.message).toMatch(/\.$/);
  });

  it("refuses a range whose start is after its end", () => {
    expect(errorOf({ customerInternalId: id, from: "2025-02-01", to: "2025-01-31" }).fieldErrors).toEqual([
      { field: "from", message: "from must not be after to" },
    ]);
    expect(parseInput(schema, { customerInternalId: id, from: "2025-01-31", to: "2025-01-31" }).from).toBe(
      "2025-01-31",
    );
  });
});
