import { describe, expect, it } from "vitest";
import { applicationInput } from "../actions/create-update-application";
import { errorsOf, examples } from "../testing/examples";
import type { Check } from "./field";
import { amount, decimal, signedAmount } from "./money";

const applicationWith = (field: string, value: unknown) => ({ ...examples.application(), [field]: value });
const parsed = (field: string, value: unknown) => applicationInput.parse(applicationWith(field, value));
const errors = (field: string, value: unknown) => errorsOf(applicationInput, applicationWith(field, value));

describe("amount", () => {
  it.each([
    ["1250", "1250.00"],
    ["1250.5", "1250.50"],
    [" 0001250.50 ", "1250.50"],
    ["0.01", "0.01"],
    ["12.500", "12.50"],
    ["9999999999999.99", "9999999999999.99"],
    [1250, "1250.00"],
    [0.1, "0.10"],
    [12.1, "12.10"],
    [1e3, "1000.00"],
    [9999999999999.99, "9999999999999.99"],
  ])("reads %j as %j without a float", (value, canonical) => {
    expect(parsed("amount", value).amount).toBe(canonical);
  });

  it("is optional: absent stays absent, null and blank clear", () => {
    const { amount: _omitted, ...withoutAmount } = examples.application();
    expect("amount" in applicationInput.parse(withoutAmount)).toBe(false);
    expect(parsed("amount", null).amount).toBeNull();
    expect(parsed("amount", " ").amount).toBeNull();
  });

  it.each([
    ["abc", "amount must be a decimal number such as 1250.00"],
    ["1,250.00", "amount must be a decimal number such as 1250.00"],
    ["1e3", "amount must be a decimal number such as 1250.00"],
    [".5", "amount must be a decimal number such as 1250.00"],
    [Number.NaN, "amount must be a number, a numeric string or null"],
    ["0", "amount must be greater than 0"],
    ["0.00", "amount must be greater than 0"],
    ["-5", "amount must be greater than 0"],
    [-0.5, "amount must be greater than 0"],
    ["0.001", "amount must have at most 2 decimal places"],
    [12.345, "amount must have at most 2 decimal places"],
    [1e-7, "amount must have at most 2 decimal places"],
    ["10000000000000", "amount must be below 10000000000000"],
    [1e13, "amount must be below 10000000000000"],
    [1e21, "amount must be below 10000000000000"],
    [true, "amount must be a number, a numeric string or null"],
  ])("refuses %j", (value, message) => {
    expect(errors("amount", value)).toEqual([{ field: "amount", message }]);
  });
});

describe("currency", () => {
  it.each([
    ["RON", "RON"],
    ["eur", "EUR"],
    [" usd ", "USD"],
  ])("reads %j as %j", (value, code) => {
    expect(parsed("currency", value).currency).toBe(code);
  });

  it.each([["EURO"], ["ABC"], ["XXX"], ["XTS"], ["€"]])("refuses %j", (value) => {
    expect(errors("currency", value)).toEqual([
      { field: "currency", message: "currency must be an ISO 4217 currency code such as EUR" },
    ]);
  });
});

describe("decimal", () => {
  const rate = decimal({ scale: 4, integerDigits: 5, sign: "any" });
  const check = (rule: Check<string, string | number>, value: string | number) => rule(value, "value");

  it.each([
    [signedAmount, "-12.5", "-12.50"],
    [signedAmount, "+5", "5.00"],
    [signedAmount, "-0.00", "0.00"],
    [signedAmount, 0, "0.00"],
    [signedAmount, -1250, "-1250.00"],
    [signedAmount, "-9999999999999.99", "-9999999999999.99"],
    [rate, "7.2500", "7.25"],
    [rate, "-0.0125", "-0.0125"],
    [rate, 12.3456, "12.3456"],
    [rate, "099999.9999", "99999.9999"],
  ])("reads %#: %j as %j", (rule, value, canonical) => {
    expect(check(rule, value)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    [signedAmount, "10000000000000", "value must be above -10000000000000 and below 10000000000000"],
    [signedAmount, -1e21, "value must be above -10000000000000 and below 10000000000000"],
    [signedAmount, "1.005", "value must have at most 2 decimal places"],
    [signedAmount, -1e-7, "value must have at most 2 decimal places"],
    [signedAmount, "- 5", "value must be a decimal number such as 1250.00"],
    [rate, "0.00001", "value must have at most 4 decimal places"],
    [rate, "100000", "value must be above -100000 and below 100000"],
  ])("refuses %#: %j", (rule, value, message) => {
    expect(check(rule, value)).toEqual({ ok: false, message });
  });

  it("answers a canonical value that reads back as itself", () => {
    for (const [rule, value] of [
      [amount, " 0001250.50 "],
      [amount, 0.1],
      [signedAmount, "-0.5"],
      [rate, "+3.10"],
    ] as const) {
      const first = check(rule, typeof value === "string" ? value.trim() : value);
      expect(first.ok && check(rule, first.value)).toEqual(first);
    }
  });

  it("keeps to scales whose JSON numbers never reach an exponent unnoticed", () => {
    expect(() => decimal({ scale: 7, integerDigits: 5, sign: "any" })).toThrow(/scale/);
  });
});
