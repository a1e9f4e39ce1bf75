import { describe, expect, it } from "vitest";
import { customerAddressInput } from "../actions/add-update-customer-address";
import { customerRepresentativeInput } from "../actions/add-update-customer-representative";
import { individualCustomerInput } from "../actions/add-update-individual-customer";
import { errorsOf, examples } from "../testing/examples";

const customerWith = (field: string, value: unknown) => {
  const data = examples.customer();
  data.CustomerInfo[field] = value;
  return data;
};

describe("option sets", () => {
  it.each([
    ["emailAddressType", "personal", "Personal"],
    ["emailAddressType", " WORK ", "Work"],
    ["phoneNumberType", "mobile", "Mobile"],
    ["phoneNumberType", "hOmE", "Home"],
  ])("%s %j is stored as %j", (field, value, canonical) => {
    expect(
      individualCustomerInput({ phoneRegion: "RO" }).parse(customerWith(field, value)).CustomerInfo,
    ).toMatchObject({
      [field]: canonical,
    });
  });

  it.each([
    ["emailAddressType", "Business", "emailAddressType must be one of: Personal, Work, Other"],
    ["phoneNumberType", "Fax", "phoneNumberType must be one of: Mobile, Home, Work, Other"],
    ["emailAddressType", 1, "emailAddressType must be a string or null"],
  ])("%s refuses %j", (field, value, message) => {
    expect(errorsOf(individualCustomerInput({ phoneRegion: "RO" }), customerWith(field, value))).toEqual([
      { field: `CustomerInfo.${field}`, message },
    ]);
  });

  it("match address types case-insensitively and ignoring repeated spaces, answering the canonical spelling", () => {
    const data = examples.address();
    for (const [sent, canonical] of [
      ["home address", "Home Address"],
      ["BILLING  ADDRESS", "Billing address"],
      ["Social Address", "Social address"],
    ]) {
      data.AddressInfo.addressType = sent;
      expect(customerAddressInput.parse(data).AddressInfo.addressType).toBe(canonical);
    }
    data.AddressInfo.addressType = "Work address";
    expect(errorsOf(customerAddressInput, data)).toEqual([
      {
        field: "AddressInfo.addressType",
        message:
          "addressType must be one of: Home Address, Billing address, Delivery address, Primary address, Residence address, Secondary address, Social address",
      },
    ]);
  });

  it("match account relation types the same way", () => {
    const data = examples.representative();
    data.CustomerRepresentativeInfo.accountRelationType = "key contact person";
    expect(customerRepresentativeInput.parse(data).CustomerRepresentativeInfo.accountRelationType).toBe(
      "Key Contact Person",
    );
    data.CustomerRepresentativeInfo.accountRelationType = "Friend";
    expect(errorsOf(customerRepresentativeInput, data)).toEqual([
      {
        field: "CustomerRepresentativeInfo.accountRelationType",
        message:
          "accountRelationType must be one of: Ownership, Business, Hierarchy, Contact, Participant, Affiliate, Relative, Employer, Shareholder, Administrator, Key Contact Person",
      },
    ]);
  });
});
