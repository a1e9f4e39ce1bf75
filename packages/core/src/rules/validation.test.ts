import { describe, expect, it } from "vitest";
import { z } from "zod";
import { individualCustomerInput } from "../actions/add-update-individual-customer";
import { AppError } from "../errors/app-error";
import { errorsOf, examples } from "../testing/examples";
import { parseInput } from "./edge-input";
import { closestField, fields } from "./validation";

describe("closestField", () => {
  const known = ["customerInternalId", "firstName", "lastName", "UniqueID", "email", "mobilePhone"];

  it.each([
    ["custmerInternalId", "customerInternalId"],
    ["FirstName", "firstName"],
    ["uniqueId", "UniqueID"],
    ["e-mail", "email"],
    ["mobile", "mobilePhone"],
  ])("suggests %j for %j", (name, suggestion) => {
    expect(closestField(name, known)).toBe(suggestion);
  });

  it("suggests nothing for a name close to no field", () => {
    expect(closestField("shoeSize", known)).toBeNull();
  });
});

describe("fields", () => {
  const schema = fields("Data", { inner: fields("Inner", { name: z.string() }) });
  const errors = (data: unknown) => errorsOf(schema, data);

  it("names a missing object, a non-object and every unknown field at its own path", () => {
    // Null or absent input counts as {}, so what is missing is named rather than "expected an object".
    expect(errors(null)).toEqual([{ field: "inner", message: "Inner is required" }]);
    expect(errors([])).toEqual([{ field: "", message: "Data must be an object" }]);
    expect(errors({})).toEqual([{ field: "inner", message: "Inner is required" }]);
    expect(errors({ inner: { name: "x", nmae: 1, color: 2 } })).toEqual([
      { field: "inner.nmae", message: "Unknown field nmae; did you mean name?" },
      { field: "inner.color", message: "Unknown field color; the known fields are name." },
    ]);
  });

  it("keeps the canonical field names on .shape for callers that match names case-insensitively", () => {
    expect(Object.keys(individualCustomerInput({ phoneRegion: "RO" }).shape)).toEqual(["CustomerInfo"]);
    expect(Object.keys(individualCustomerInput({ phoneRegion: "RO" }).shape.CustomerInfo.shape)).toContain(
      "UniqueID",
    );
  });
});

describe("parseInput", () => {
  it("answers the parsed value", () => {
    expect(
      parseInput(individualCustomerInput({ phoneRegion: "RO" }), examples.customer()).CustomerInfo.firstName,
    ).toBe("Ana");
  });

  it("throws one 400 AppError listing every invalid field at once", () => {
    const data = examples.customer();
    data.CustomerInfo.email = "nope";
    data.CustomerInfo.mobilePhone = "12";
    data.CustomerInfo.firstName = undefined;
    let thrown: unknown;
    try {
      parseInput(individualCustomerInput({ phoneRegion: "RO" }), data);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "3 fields are invalid: CustomerInfo.firstName, CustomerInfo.email, CustomerInfo.mobilePhone.",
    );
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      "CustomerInfo.firstName",
      "CustomerInfo.email",
      "CustomerInfo.mobilePhone",
    ]);
  });

  it("makes a single problem the sentence itself", () => {
    const data = examples.customer();
    data.CustomerInfo.email = "nope";
    expect(() => parseInput(individualCustomerInput({ phoneRegion: "RO" }), data)).toThrow(
      "email must be a valid e-mail address.",
    );
  });
});
