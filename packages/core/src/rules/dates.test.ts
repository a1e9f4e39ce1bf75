import { describe, expect, it } from "vitest";
import { customerAgreementInput } from "../actions/add-update-customer-agreement";
import { errorsOf, examples } from "../testing/examples";

const agreementWith = (field: string, value: unknown) => ({ ...examples.agreement(), [field]: value });
const parsed = (field: string, value: unknown) => customerAgreementInput.parse(agreementWith(field, value));
const errors = (field: string, value: unknown) =>
  errorsOf(customerAgreementInput, agreementWith(field, value));

describe("dates", () => {
  it.each([
    ["2024-02-29", "2024-02-29"],
    ["9999-12-31", "9999-12-31"],
    ["1900-01-01", "1900-01-01"],
    ["2024-03-01T10:00:00Z", "2024-03-01"],
    ["2024-03-01T23:30:00-02:00", "2024-03-02"],
    ["2024-03-01T01:30:00+0300", "2024-02-29"],
    ["2024-03-01T00:00:00.123456+01", "2024-02-29"],
    ["2024-03-01t12:00z", "2024-03-01"],
    ["2024-12-31T12:00:00", "2024-12-31"],
  ])("read %j as %j (a timestamp's UTC date)", (value, date) => {
    expect(parsed("startDate", value).startDate).toBe(date);
  });

  it.each([
    ["01/03/2024", "startDate must be a date in the form YYYY-MM-DD"],
    ["2024-3-1", "startDate must be a date in the form YYYY-MM-DD"],
    ["2024-03-01 10:00", "startDate must be a date in the form YYYY-MM-DD"],
    ["tomorrow", "startDate must be a date in the form YYYY-MM-DD"],
    ["2023-02-29", "startDate must be a real calendar date between 1900-01-01 and 9999-12-31"],
    ["2024-13-01", "startDate must be a real calendar date between 1900-01-01 and 9999-12-31"],
    ["1899-12-31", "startDate must be a real calendar date between 1900-01-01 and 9999-12-31"],
    ["2024-03-01T24:00:00Z", "startDate must be a real date and time"],
    ["2024-02-30T10:00:00Z", "startDate must be a real date and time"],
    [undefined, "startDate is required"],
    [20240301, "startDate must be a string"],
  ])("refuse %j", (value, message) => {
    expect(errors("startDate", value)).toEqual([{ field: "startDate", message }]);
  });

  it("treat endDate as optional: absent stays absent, null clears", () => {
    expect("endDate" in parsed("sourceId", "WEB")).toBe(false);
    expect(parsed("endDate", null).endDate).toBeNull();
    expect(parsed("endDate", "2024-12-31T23:59:59Z").endDate).toBe("2024-12-31");
    expect(errors("endDate", "31.12.2024")).toEqual([
      { field: "endDate", message: "endDate must be a date in the form YYYY-MM-DD" },
    ]);
  });
});
