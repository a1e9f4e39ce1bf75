import { describe, expect, it } from "vitest";
import { errorsOf, examples } from "../testing/examples";
import { applicationInput } from "./create-update-application";

describe("applicationInput", () => {
  it("parses the documented Data, the amount as an exact decimal string", () => {
    expect(applicationInput.parse(examples.application({ amount: 1250.5, currency: "eur" }))).toEqual(
      examples.application({ amount: "1250.50", currency: "EUR" }),
    );
  });

  it("takes amount and currency as optional", () => {
    const { amount: _a, currency: _c, ...rest } = examples.application();
    const parsed = applicationInput.parse(rest);
    expect("amount" in parsed || "currency" in parsed).toBe(false);
  });

  it("reports every invalid field at once", () => {
    expect(
      errorsOf(applicationInput, {
        url: "nope",
        amount: "-1",
        currency: "Lei",
        businessStatus: "x".repeat(51),
      }),
    ).toEqual([
      { field: "customerInternalId", message: "customerInternalId is required" },
      { field: "url", message: "url must be an absolute http or https URL" },
      { field: "name", message: "name is required" },
      { field: "bankingProduct", message: "bankingProduct is required" },
      { field: "source", message: "source is required" },
      { field: "businessStatus", message: "businessStatus must be at most 50 characters" },
      { field: "externalId", message: "externalId is required" },
      { field: "amount", message: "amount must be greater than 0" },
      { field: "currency", message: "currency must be an ISO 4217 currency code such as EUR" },
    ]);
  });
});
