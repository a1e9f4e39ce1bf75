import { describe, expect, it } from "vitest";
import { profitabilitySeries } from "./profitability";

const months = ["2025-01", "2025-02", "2025-03", "2025-04"];

describe("profitabilitySeries", () => {
  it("keeps every month, null where there is no value", () => {
    const series = profitabilitySeries(months, [{ month: "2025-02", value: "12.5000" }]);
    expect(series.months).toEqual([
      { month: "2025-01", value: null },
      { month: "2025-02", value: "12.50" },
      { month: "2025-03", value: null },
      { month: "2025-04", value: null },
    ]);
    expect(series.latest).toEqual({ month: "2025-02", value: "12.50" });
    expect(series.change).toBeNull();
  });

  it("compares the latest value with the previous month that has one", () => {
    const series = profitabilitySeries(months, [
      { month: "2025-01", value: "200.0000" },
      { month: "2025-03", value: "150.0000" },
    ]);
    expect(series.change).toEqual({
      previousMonth: "2025-01",
      previousValue: "200.00",
      absolute: "-50.00",
      percent: "-25.00",
      direction: "down",
    });
  });

  it("has no percent from zero, and says flat when nothing moved", () => {
    const fromZero = profitabilitySeries(months, [
      { month: "2025-03", value: "0" },
      { month: "2025-04", value: "5" },
    ]);
    expect(fromZero.change).toMatchObject({ absolute: "5.00", percent: null, direction: "up" });
    const flat = profitabilitySeries(months, [
      { month: "2025-03", value: "5.00" },
      { month: "2025-04", value: "5.0000" },
    ]);
    expect(flat.change).toMatchObject({ absolute: "0.00", percent: "0.00", direction: "flat" });
  });

  it("is all null with no values", () => {
    const series = profitabilitySeries(months, []);
    expect(series.months.every((m) => m.value === null)).toBe(true);
    expect(series).toMatchObject({ latest: null, change: null });
  });
});
