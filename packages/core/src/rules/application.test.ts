import { describe, expect, it } from "vitest";
import { applicationInput } from "../actions/create-update-application";
import { errorsOf, examples } from "../testing/examples";
import { isFinalBusinessStatus } from "./application";

const applicationWith = (field: string, value: unknown) => ({ ...examples.application(), [field]: value });
const errors = (field: string, value: unknown) => errorsOf(applicationInput, applicationWith(field, value));

describe("url", () => {
  it.each([["https://loans.example.ro/a/1?x=1"], ["http://10.0.0.1:8080/app"], [" https://example.ro "]])(
    "accepts %j",
    (value) => {
      expect(applicationInput.parse(applicationWith("url", value)).url).toBe(value.trim());
    },
  );

  it.each([
    ["loans.example.ro/a/1", "url must be an absolute http or https URL"],
    ["/applications/1", "url must be an absolute http or https URL"],
    ["ftp://example.ro/file", "url must be an absolute http or https URL"],
    ["javascript:alert(1)", "url must be an absolute http or https URL"],
    ["https://exa mple.ro", "url must be an absolute http or https URL"],
    [`https://example.ro/${"a".repeat(2048)}`, "url must be at most 2048 characters"],
  ])("refuses %j", (value, message) => {
    expect(errors("url", value)).toEqual([{ field: "url", message }]);
  });
});

describe("businessStatus", () => {
  it("is free text of 1 to 50 characters", () => {
    expect(
      applicationInput.parse(applicationWith("businessStatus", " Waiting for documents ")).businessStatus,
    ).toBe("Waiting for documents");
    expect(errors("businessStatus", "S".repeat(51))).toEqual([
      { field: "businessStatus", message: "businessStatus must be at most 50 characters" },
    ]);
    expect(errors("businessStatus", "")).toEqual([
      { field: "businessStatus", message: "businessStatus must not be empty" },
    ]);
  });

  it("is final for Approved, Rejected, Cancelled, Closed and Completed in any case, pending otherwise", () => {
    for (const status of ["Approved", "rejected", "CANCELLED", " Closed ", "completed"]) {
      expect(isFinalBusinessStatus(status)).toBe(true);
    }
    for (const status of ["New", "In review", "Approved pending", "Canceled", ""]) {
      expect(isFinalBusinessStatus(status)).toBe(false);
    }
  });
});
