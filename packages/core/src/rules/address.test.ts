import { describe, expect, it } from "vitest";
import { customerAddressInput } from "../actions/add-update-customer-address";
import { errorsOf, examples } from "../testing/examples";

const addressWith = (field: string, value: unknown) => {
  const data = examples.address();
  data.AddressInfo[field] = value;
  return data;
};
const parsed = (field: string, value: unknown) =>
  customerAddressInput.parse(addressWith(field, value)).AddressInfo;
const errors = (field: string, value: unknown) => errorsOf(customerAddressInput, addressWith(field, value));

describe("country", () => {
  it.each([
    ["RO", "RO"],
    ["ro", "RO"],
    ["ROU", "RO"],
    ["deu", "DE"],
    ["Romania", "RO"],
    ["united  states of america", "US"],
    ["Germany", "DE"],
    ["UK", "GB"],
  ])("reads %j as %j", (value, alpha2) => {
    expect(parsed("country", value).country).toBe(alpha2);
  });

  it.each([["XX"], ["XYZ"], ["Atlantis"], ["642"]])("refuses %j", (value) => {
    expect(errors("country", value)).toEqual([
      {
        field: "AddressInfo.country",
        message: "country must be an ISO 3166-1 alpha-2 or alpha-3 code or an English country name",
      },
    ]);
  });
});

describe("postalCode", () => {
  it.each([
    ["010061", "010061"],
    ["sw1a  1aa", "SW1A 1AA"],
    ["12-345", "12-345"],
    ["AB", "AB"],
  ])("accepts %j as %j", (value, stored) => {
    expect(parsed("postalCode", value).postalCode).toBe(stored);
  });

  it.each([["1"], ["1234567890123"], ["0100_61"], ["01006#"]])("refuses %j", (value) => {
    expect(errors("postalCode", value)).toEqual([
      {
        field: "AddressInfo.postalCode",
        message: "postalCode must be 2 to 12 letters, digits, spaces or hyphens",
      },
    ]);
  });
});
