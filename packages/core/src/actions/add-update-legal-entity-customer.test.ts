import { describe, expect, it } from "vitest";
import { errorsOf } from "../testing/examples";
import { legalEntityCustomerInput } from "./add-update-legal-entity-customer";

const input = legalEntityCustomerInput({ phoneRegion: "RO" });

describe("legalEntityCustomerInput", () => {
  it("parses canonical option values and takes registrationNo as registrationNumber", () => {
    const parsed = input.parse({
      CustomerInfo: {
        name: " Carpați Logistic SRL ",
        UniqueID: "ro123",
        accountType: "non profit",
        industry: "technology software PROVIDER",
        registrationNo: "J40/1/2020",
      },
    });
    expect(parsed.CustomerInfo).toEqual({
      name: "Carpați Logistic SRL",
      UniqueID: "RO123",
      accountType: "Non-Profit",
      industry: "Technology Software Provider",
      registrationNumber: "J40/1/2020",
    });
    expect("registrationNo" in parsed.CustomerInfo).toBe(false);
  });

  it("names every missing or invalid field at once", () => {
    expect(
      errorsOf(input, { CustomerInfo: { name: "", accountType: "Bank", email: "x", mobilePhone: "12" } }).map(
        (e) => e.field,
      ),
    ).toEqual(
      expect.arrayContaining([
        "CustomerInfo.name",
        "CustomerInfo.UniqueID",
        "CustomerInfo.accountType",
        "CustomerInfo.email",
        "CustomerInfo.mobilePhone",
      ]),
    );
    expect(
      errorsOf(input, {
        CustomerInfo: { name: "A", UniqueID: "B", accountType: "Company", registrationNum: "1" },
      }),
    ).toEqual([{ field: "CustomerInfo.registrationNum", message: expect.stringContaining("did you mean") }]);
  });
});
