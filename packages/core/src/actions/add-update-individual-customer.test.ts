import { describe, expect, it } from "vitest";
import { errorsOf, examples } from "../testing/examples";
import { individualCustomerInput } from "./add-update-individual-customer";

describe("individualCustomerInput", () => {
  it("parses the documented Data into canonical values", () => {
    const data = examples.customer();
    data.CustomerInfo.customerInternalId = "6F1C8E0E-2B1A-4C2B-9F0B-1A2B3C4D5E6F";
    // The example is canonical already: only the identifier reads otherwise, lower-cased.
    expect(individualCustomerInput({ phoneRegion: "RO" }).parse(data)).toEqual({
      CustomerInfo: {
        ...examples.customer().CustomerInfo,
        customerInternalId: "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f",
      },
    });
  });

  it("leaves absent optional fields absent and keeps null ones as null", () => {
    const data = examples.customer();
    delete data.CustomerInfo.emailAddressType;
    data.CustomerInfo.phoneNumberType = null;
    const info = individualCustomerInput({ phoneRegion: "RO" }).parse(data).CustomerInfo;
    expect("emailAddressType" in info).toBe(false);
    expect("customerInternalId" in info).toBe(false);
    expect(info.phoneNumberType).toBeNull();
  });

  it("reports every invalid and unknown field at once, under CustomerInfo", () => {
    expect(
      errorsOf(individualCustomerInput({ phoneRegion: "RO" }), {
        CustomerInfo: {
          customerInternalId: "42",
          firstName: "",
          UniqueID: "a b",
          email: "x",
          mobilePhone: "1",
          emailAddressType: "Home",
          phoneNumberType: "Pager",
          uniqueIdentifier: "x",
        },
      }),
    ).toEqual([
      // Unknown fields first (found while matching names), then each field's own rule.
      {
        field: "CustomerInfo.uniqueIdentifier",
        message: "Unknown field uniqueIdentifier; did you mean UniqueID?",
      },
      {
        field: "CustomerInfo.customerInternalId",
        message: "customerInternalId must be a UUID this system created",
      },
      { field: "CustomerInfo.firstName", message: "firstName must not be empty" },
      { field: "CustomerInfo.lastName", message: "lastName is required" },
      {
        field: "CustomerInfo.emailAddressType",
        message: "emailAddressType must be one of: Personal, Work, Other",
      },
      {
        field: "CustomerInfo.phoneNumberType",
        message: "phoneNumberType must be one of: Mobile, Home, Work, Other",
      },
      {
        field: "CustomerInfo.UniqueID",
        message: 'UniqueID may contain only letters, digits, "-", "/" and "."',
      },
      { field: "CustomerInfo.email", message: "email must be a valid e-mail address" },
      {
        field: "CustomerInfo.mobilePhone",
        message: "mobilePhone must be a valid phone number, such as +40712345678",
      },
    ]);
  });
});
