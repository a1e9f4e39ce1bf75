import { describe, expect, it } from "vitest";
import { customerAddressInput } from "../actions/add-update-customer-address";
import { customerRepresentativeInput } from "../actions/add-update-customer-representative";
import { individualCustomerInput } from "../actions/add-update-individual-customer";
import { errorsOf, examples } from "../testing/examples";
import { accountRelationType, addressType, optionSet } from "./option-sets";

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

  it("match address types ignoring case and how words are separated, answering the canonical spelling", () => {
    const data = examples.address();
    for (const [sent, canonical] of [
      ["home address", "Home Address"],
      ["BILLING  ADDRESS", "Billing address"],
      ["delivery_address", "Delivery address"],
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

describe("optionSet", () => {
  const status = optionSet(["open", "in_progress", "completed"], { done: "completed" });

  it("treats spaces, _ and - as the same separator, in writes as in ingestion", () => {
    expect(status("In Progress", "status")).toEqual({ ok: true, value: "in_progress" });
    expect(status("IN-PROGRESS", "status")).toEqual({ ok: true, value: "in_progress" });
    expect(status("in__progress", "status")).toEqual({ ok: true, value: "in_progress" });
    expect(addressType("HOME_ADDRESS", "addressType")).toEqual({ ok: true, value: "Home Address" });
    expect(accountRelationType("key-contact-person", "r")).toEqual({ ok: true, value: "Key Contact Person" });
  });

  it("does not guess beyond case and separators", () => {
    expect(status("inprogress", "status")).toEqual({
      ok: false,
      message: "status must be one of: open, in_progress, completed",
    });
  });

  it("maps an alias to its canonical value, and lists only the canonical values", () => {
    expect(status("DONE", "status")).toEqual({ ok: true, value: "completed" });
    expect(status("closed", "status")).toEqual({
      ok: false,
      message: "status must be one of: open, in_progress, completed",
    });
  });

  it("refuses to build a set whose values or aliases cannot be told apart", () => {
    expect(() => optionSet(["In progress", "in_progress"])).toThrow(/cannot be told apart/);
    expect(() => optionSet(["open", "closed"], { Closed: "open" })).toThrow(/cannot be told apart/);
    expect(() => optionSet(["open", "closed"], { OPEN: "open" })).not.toThrow();
  });
});
