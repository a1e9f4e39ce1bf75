import { describe, expect, it } from "vitest";
import { addMonths, fillMonths, lastDayOf, lastMonths, monthRange, todayOf } from "./months";

describe("months", () => {
  it("step across year ends both ways", () => {
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(addMonths("2025-03", -14)).toBe("2024-01");
  });

  it("list a range oldest first, both ends included", () => {
    expect(monthRange("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthRange("2025-02", "2025-02")).toEqual(["2025-02"]);
    expect(monthRange("2025-03", "2025-02")).toEqual([]);
  });

  it("end the last twelve months with the current UTC month", () => {
    const months = lastMonths(new Date("2025-01-01T00:30:00+02:00"), 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2024-01");
    expect(months[11]).toBe("2024-12");
    expect(todayOf(new Date("2025-01-01T00:30:00+02:00"))).toBe("2024-12-31");
  });

  it("know the last day of a month, leap years included", () => {
    expect(lastDayOf("2024-02")).toBe("2024-02-29");
    expect(lastDayOf("2100-02")).toBe("2100-02-28");
    expect(lastDayOf("2000-02")).toBe("2000-02-29");
    expect(lastDayOf("2025-04")).toBe("2025-04-30");
    expect(lastDayOf("2025-12")).toBe("2025-12-31");
  });

  it("fill the months without a value", () => {
    const filled = fillMonths(["2025-01", "2025-02", "2025-03"], new Map([["2025-02", 5]]), () => 0);
    expect(filled).toEqual([
      { month: "2025-01", value: 0 },
      { month: "2025-02", value: 5 },
      { month: "2025-03", value: 0 },
    ]);
  });
});
