import { describe, expect, it } from "vitest";
import { z } from "zod";
import { customerAgreementInput } from "../actions/add-update-customer-agreement";
import { errorsOf, examples } from "../testing/examples";
import { isoDate, isoTimestamp, notBefore, yearMonth } from "./dates";
import { optional, required } from "./field";

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

describe("isoTimestamp", () => {
  const schema = z.strictObject({ at: required("at", isoTimestamp) });
  const at = (value: unknown) => schema.safeParse({ at: value });

  it.each([
    ["2025-01-31T09:30:00Z", "2025-01-31T09:30:00.000Z"],
    ["2025-01-01T10:00:00+02:00", "2025-01-01T08:00:00.000Z"],
    ["2025-01-01T01:00-0130", "2025-01-01T02:30:00.000Z"],
    ["2025-03-01T00:15:00.123456+01", "2025-02-28T23:15:00.123Z"],
    ["2025-01-31t09:30:00,5z", "2025-01-31T09:30:00.500Z"],
    ["2025-01-31", "2025-01-31T00:00:00.000Z"],
  ])("reads %j as the instant %j", (value, instant) => {
    expect(at(value).data?.at).toBe(instant);
    expect(at(instant).data?.at).toBe(instant);
  });

  it.each([
    ["2025-01-31T09:30:00", "at must be an ISO 8601 timestamp with an offset, such as 2025-01-31T09:30:00Z"],
    ["31.01.2025 09:30", "at must be an ISO 8601 timestamp with an offset, such as 2025-01-31T09:30:00Z"],
    ["2025-02-29T09:30:00Z", "at must be a real date and time"],
    ["2025-01-31T09:60:00Z", "at must be a real date and time"],
    ["2025-01-31T09:30:00+24:00", "at must be a real date and time"],
    ["2025-02-29", "at must be a real calendar date between 1900-01-01 and 9999-12-31"],
    ["9999-12-31T23:00:00-02:00", "at must be a real calendar date between 1900-01-01 and 9999-12-31"],
    ["1900-01-01T00:30:00+01:00", "at must be a real calendar date between 1900-01-01 and 9999-12-31"],
  ])("refuses %j", (value, message) => {
    expect(at(value).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("yearMonth", () => {
  const month = (value: string) => yearMonth(value, "month");

  it("takes YYYY-MM of a real month, as sent", () => {
    expect(month("2025-01")).toEqual({ ok: true, value: "2025-01" });
    expect(month("1900-12")).toEqual({ ok: true, value: "1900-12" });
  });

  it.each(["2025-13", "2025-00", "2025-1", "1899-12", "2025-01-01", "Jan 2025"])("refuses %j", (value) => {
    expect(month(value)).toEqual({
      ok: false,
      message: "month must be a month in the form YYYY-MM, between 1900-01 and 9999-12",
    });
  });
});

describe("notBefore", () => {
  const range = z
    .strictObject({ from: required("from", isoDate), to: optional("to", isoDate) })
    .superRefine(notBefore("to", "from"));

  it("refuses an end before the start, at the end's path", () => {
    expect(range.safeParse({ from: "2025-02-01", to: "2025-01-31" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["to"], message: "to must not be before from" }),
    ]);
  });

  it("takes the same day, a later one, or no end at all", () => {
    expect(range.safeParse({ from: "2025-02-01", to: "2025-02-01" }).success).toBe(true);
    expect(range.safeParse({ from: "2025-02-01", to: "2025-02-02" }).success).toBe(true);
    expect(range.safeParse({ from: "2025-02-01", to: null }).success).toBe(true);
    expect(range.safeParse({ from: "2025-02-01" }).success).toBe(true);
  });
});
