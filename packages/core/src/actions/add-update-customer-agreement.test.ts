import { describe, expect, it } from "vitest";
import { errorsOf, examples } from "../testing/examples";
import { customerAgreementInput } from "./add-update-customer-agreement";

describe("customerAgreementInput", () => {
  it("parses the documented Data with the optional fields", () => {
    expect(
      customerAgreementInput.parse({
        ...examples.agreement(),
        endDate: "2025-02-28T22:00:00-03:00",
        contractNo: " CTR-1 ",
        AgreementId: "7A2D9F1F-3C2B-4D3C-8A1C-2B3C4D5E6F70",
        externalId: null,
      }),
    ).toEqual({
      customerInternalId: "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f",
      agreementType: "GDPR Consent",
      startDate: "2024-03-01",
      endDate: "2025-03-01",
      sourceId: "WEB",
      contractNo: "CTR-1",
      AgreementId: "7a2d9f1f-3c2b-4d3c-8a1c-2b3c4d5e6f70",
      externalId: null,
    });
  });

  it("reports every invalid field at once, an unknown one with the closest known name", () => {
    expect(
      errorsOf(customerAgreementInput, {
        customerInternalId: "",
        agreementType: "a".repeat(101),
        startDate: "2024-02-30",
        sourceId: null,
        AgreementID: "x",
      }),
    ).toEqual([
      { field: "customerInternalId", message: "customerInternalId must not be empty" },
      { field: "agreementType", message: "agreementType must be at most 100 characters" },
      {
        field: "startDate",
        message: "startDate must be a real calendar date between 1900-01-01 and 9999-12-31",
      },
      { field: "sourceId", message: "sourceId is required" },
      // Field names match case-insensitively: AgreementID is AgreementId, whose value is checked.
      { field: "AgreementID", message: "AgreementId must be a UUID this system created" },
    ]);
  });
});
