import { describe, expect, it } from "vitest";
import { errorsOf, examples } from "../testing/examples";
import { customerRepresentativeInput } from "./add-update-customer-representative";

describe("customerRepresentativeInput", () => {
  it("parses the documented Data with the canonical relation type", () => {
    const data = examples.representative();
    data.CustomerRepresentativeInfo.accountRelationType = "SHAREHOLDER";
    data.CustomerRepresentativeInfo.customerRepresentativeIdentifier = null;
    expect(customerRepresentativeInput.parse(data).CustomerRepresentativeInfo).toEqual({
      customerInternalId: "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f",
      customerRepresentativeIdentifier: null,
      customerRepresentativeNo: "7a2d9f1f-3c2b-4d3c-8a1c-2b3c4d5e6f70",
      accountRelationType: "Shareholder",
    });
  });

  it("reports every invalid field at once, under CustomerRepresentativeInfo", () => {
    expect(
      errorsOf(customerRepresentativeInput, {
        CustomerRepresentativeInfo: { customerInternalId: 5, customerRepresentativeIdentifier: "abc" },
      }),
    ).toEqual([
      {
        field: "CustomerRepresentativeInfo.customerInternalId",
        message: "customerInternalId must be a string or null",
      },
      {
        field: "CustomerRepresentativeInfo.customerRepresentativeIdentifier",
        message: "customerRepresentativeIdentifier must be a UUID this system created",
      },
      {
        field: "CustomerRepresentativeInfo.customerRepresentativeNo",
        message: "customerRepresentativeNo is required",
      },
      { field: "CustomerRepresentativeInfo.accountRelationType", message: "accountRelationType is required" },
    ]);
  });
});
