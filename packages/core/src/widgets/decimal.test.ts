import { describe, expect, it } from "vitest";
import { compareDecimals, normalizeDecimal, percentChange, subtractDecimals, sumDecimals } from "./decimal";

describe("decimal strings", () => {
  it("add exactly where floats would not", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.30");
    expect(sumDecimals(["99999999999.99", "0.01", "-0.005"])).toBe("99999999999.995");
    expect(sumDecimals([])).toBe("0.00");
    expect(sumDecimals(["-1.10", "1.1"])).toBe("0.00");
  });

  it("subtract, compare and normalise", () => {
    expect(subtractDecimals("30.1234", "-20")).toBe("50.1234");
    expect(subtractDecimals("1", "1.5")).toBe("-0.50");
    expect(compareDecimals("2.50", "2.5")).toBe(0);
    expect(compareDecimals("-3", "2")).toBe(-1);
    expect(compareDecimals("10.01", "10")).toBe(1);
    expect(normalizeDecimal("1250.0000")).toBe("1250.00");
    expect(normalizeDecimal("0.1230")).toBe("0.123");
    expect(normalizeDecimal("-0.00")).toBe("0.00");
    expect(normalizeDecimal("7")).toBe("7.00");
    expect(() => normalizeDecimal("1e3")).toThrow(TypeError);
  });

  it("give the percent change of |from|, rounded half away from zero, and null from zero", () => {
    expect(percentChange("200", "250")).toBe("25.00");
    expect(percentChange("200", "150")).toBe("-25.00");
    expect(percentChange("-200", "-100")).toBe("50.00");
    expect(percentChange("3", "4")).toBe("33.33");
    expect(percentChange("3", "5")).toBe("66.67");
    expect(percentChange("8", "8.001")).toBe("0.01");
    expect(percentChange("8", "7.999")).toBe("-0.01");
    expect(percentChange("0", "5")).toBeNull();
  });
});
