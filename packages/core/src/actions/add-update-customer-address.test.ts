import { describe, expect, it } from "vitest";
import { errorsOf, examples } from "../testing/examples";
import { customerAddressInput } from "./add-update-customer-address";

describe("customerAddressInput", () => {
  it("parses the documented Data, optional house details absent or null", () => {
    const data = examples.address();
    data.AddressInfo.floorNo = null;
    data.AddressInfo.apartmentNo = " 14 ";
    const info = customerAddressInput.parse(data).AddressInfo;
    // The example is canonical already: only the changed fields read otherwise.
    expect(info).toEqual({ ...examples.address().AddressInfo, floorNo: null, apartmentNo: "14" });
    expect("buildingNo" in info).toBe(false);
    expect("addressIdentifier" in info).toBe(false);
  });

  it("reports every invalid field at once, under AddressInfo", () => {
    expect(
      errorsOf(customerAddressInput, {
        AddressInfo: {
          addressIdentifier: "x",
          addressType: "Office",
          country: "Narnia",
          postalCode: "!",
          city: 7,
        },
      }),
    ).toEqual([
      {
        field: "AddressInfo.addressIdentifier",
        message: "addressIdentifier must be a UUID this system created",
      },
      {
        field: "AddressInfo.addressType",
        message:
          "addressType must be one of: Home Address, Billing address, Delivery address, Primary address, Residence address, Secondary address, Social address",
      },
      {
        field: "AddressInfo.country",
        message: "country must be an ISO 3166-1 alpha-2 or alpha-3 code or an English country name",
      },
      { field: "AddressInfo.district", message: "district is required" },
      { field: "AddressInfo.city", message: "city must be a string" },
      { field: "AddressInfo.streetName", message: "streetName is required" },
      { field: "AddressInfo.streetNo", message: "streetNo is required" },
      {
        field: "AddressInfo.postalCode",
        message: "postalCode must be 2 to 12 letters, digits, spaces or hyphens",
      },
    ]);
  });
});
