import { describe, expect, it } from "vitest";
import { customerAddressInput } from "../actions/add-update-customer-address";
import { individualCustomerInput } from "../actions/add-update-individual-customer";
import { errorsOf, examples } from "../testing/examples";

const customerWith = (field: string, value: unknown) => {
  const data = examples.customer();
  data.CustomerInfo[field] = value;
  return data;
};
const parsedCustomer = (field: string, value: unknown) =>
  individualCustomerInput({ phoneRegion: "RO" }).parse(customerWith(field, value)).CustomerInfo;
const customerErrors = (field: string, value: unknown) =>
  errorsOf(individualCustomerInput({ phoneRegion: "RO" }), customerWith(field, value));

describe("names", () => {
  it("are trimmed and NFC-normalised, up to 100 characters counted as a reader counts them", () => {
    expect(parsedCustomer("firstName", "  Ana Maria ").firstName).toBe("Ana Maria");
    expect(parsedCustomer("lastName", "S\u0327erban").lastName).toBe("\u015Eerban");
    expect(parsedCustomer("lastName", "Ş".repeat(100)).lastName).toHaveLength(100);
    expect(parsedCustomer("firstName", "😀".repeat(100)).firstName).toBe("😀".repeat(100));
  });

  it.each([
    ["firstName", undefined, "firstName is required"],
    ["firstName", null, "firstName is required"],
    ["firstName", "   ", "firstName must not be empty"],
    ["firstName", 42, "firstName must be a string"],
    ["firstName", "a".repeat(101), "firstName must be at most 100 characters"],
    ["lastName", "Pop\u0000escu", "lastName must not contain control or invisible characters"],
    ["lastName", "Pop\nescu", "lastName must not contain control or invisible characters"],
    ["lastName", "Pop\u202Eescu", "lastName must not contain control or invisible characters"],
    ["lastName", "\u2066Popescu\u2069", "lastName must not contain control or invisible characters"],
    ["firstName", "A\u200Bna", "firstName must not contain control or invisible characters"],
    ["firstName", "A\u200Dna", "firstName must not contain control or invisible characters"],
    ["firstName", "A\uFEFFna", "firstName must not contain control or invisible characters"],
    ["firstName", "A\u2060na", "firstName must not contain control or invisible characters"],
  ])("refuse %s = %j", (field, value, message) => {
    expect(customerErrors(field, value)).toEqual([{ field: `CustomerInfo.${field}`, message }]);
  });
});

describe("UniqueID", () => {
  it("is trimmed and stored upper-case", () => {
    expect(parsedCustomer("UniqueID", " ab-12/3.x ").UniqueID).toBe("AB-12/3.X");
    expect(parsedCustomer("UniqueID", "A".repeat(64)).UniqueID).toHaveLength(64);
  });

  it.each([
    [undefined, "UniqueID is required"],
    ["", "UniqueID must not be empty"],
    ["A".repeat(65), "UniqueID must be at most 64 characters"],
    ["AB 12", 'UniqueID may contain only letters, digits, "-", "/" and "."'],
    ["ȘTEFAN1", 'UniqueID may contain only letters, digits, "-", "/" and "."'],
    ["AB_12", 'UniqueID may contain only letters, digits, "-", "/" and "."'],
  ])("refuses %j", (value, message) => {
    expect(customerErrors("UniqueID", value)).toEqual([{ field: "CustomerInfo.UniqueID", message }]);
  });
});

describe("address text fields", () => {
  const addressWith = (field: string, value: unknown) => {
    const data = examples.address();
    data.AddressInfo[field] = value;
    return data;
  };

  it("take up to 100 characters (20 for house numbers)", () => {
    expect(customerAddressInput.parse(addressWith("city", "C".repeat(100))).AddressInfo.city).toHaveLength(
      100,
    );
    expect(errorsOf(customerAddressInput, addressWith("city", "C".repeat(101)))).toEqual([
      { field: "AddressInfo.city", message: "city must be at most 100 characters" },
    ]);
    expect(errorsOf(customerAddressInput, addressWith("streetNo", "1".repeat(21)))).toEqual([
      { field: "AddressInfo.streetNo", message: "streetNo must be at most 20 characters" },
    ]);
    expect(errorsOf(customerAddressInput, addressWith("district", undefined))).toEqual([
      { field: "AddressInfo.district", message: "district is required" },
    ]);
  });
});
