import { describe, expect, it } from "vitest";
import { individualCustomerInput } from "../actions/add-update-individual-customer";
import { settingsOf } from "../settings";
import { errorsOf, examples } from "../testing/examples";

const customerWith = (field: string, value: unknown) => {
  const data = examples.customer();
  data.CustomerInfo[field] = value;
  return data;
};
const parsed = (field: string, value: unknown, phoneRegion = "RO") =>
  individualCustomerInput({ phoneRegion }).parse(customerWith(field, value)).CustomerInfo;
const errors = (field: string, value: unknown, phoneRegion = "RO") =>
  errorsOf(individualCustomerInput({ phoneRegion }), customerWith(field, value));

describe("email", () => {
  it.each([
    ["Ana.Pop@Example.RO", "Ana.Pop@example.ro"],
    ["  a+tag@sub.example.co.uk ", "a+tag@sub.example.co.uk"],
    ["o'brien@xn--bcher-kva.example", "o'brien@xn--bcher-kva.example"],
    ["user@münchen.de", "user@münchen.de"],
  ])("accepts %j as %j, lower-casing only the domain", (value, stored) => {
    expect(parsed("email", value).email).toBe(stored);
  });

  it.each([
    ["ana.example.ro"],
    ["@example.ro"],
    ["ana@"],
    ["ana@localhost"],
    ["ana@example"],
    ["ana..pop@example.ro"],
    [".ana@example.ro"],
    ["ana pop@example.ro"],
    ["ana@exa_mple.ro"],
    ["ana@-example.ro"],
    ["ana@example.r0"],
    [`${"a".repeat(65)}@example.ro`],
    [`ana@${"d".repeat(250)}.ro`],
  ])("refuses %j", (value) => {
    expect(errors("email", value)).toEqual([
      { field: "CustomerInfo.email", message: "email must be a valid e-mail address" },
    ]);
  });

  it("is required", () => {
    expect(errors("email", undefined)).toEqual([
      { field: "CustomerInfo.email", message: "email is required" },
    ]);
  });
});

describe("mobilePhone", () => {
  it.each([
    ["+40712345678", "+40712345678"],
    ["0712 345 678", "+40712345678"],
    ["0040-712-345-678", "+40712345678"],
    ["(0712) 345.678", "+40712345678"],
    ["+44 7911 123456", "+447911123456"],
    ["+1 202 555 0143", "+12025550143"],
  ])("reads %j as %j (national numbers in the default region RO)", (value, stored) => {
    expect(parsed("mobilePhone", value).mobilePhone).toBe(stored);
  });

  it.each([
    ["0712 34"],
    ["+40 712 345 678 999"],
    ["07123456AB"],
    ["call me"],
    ["+40712345678 ext. 12"],
    ["202-555-0143"],
  ])("refuses %j", (value) => {
    expect(errors("mobilePhone", value)).toEqual([
      {
        field: "CustomerInfo.mobilePhone",
        message: "mobilePhone must be a valid phone number, such as +40712345678",
      },
    ]);
  });

  it("reads national numbers in the configured default region", () => {
    const { phoneRegion } = settingsOf({ phoneRegion: "us" });
    expect(phoneRegion).toBe("US");
    expect(parsed("mobilePhone", "(202) 555-0143", phoneRegion).mobilePhone).toBe("+12025550143");
    expect(errors("mobilePhone", "0712 345 678", phoneRegion)).toHaveLength(1);
  });

  it("refuses an unknown default region at start-up", () => {
    expect(() => settingsOf({ phoneRegion: "XX" })).toThrow(/not a known region code/);
  });
});
