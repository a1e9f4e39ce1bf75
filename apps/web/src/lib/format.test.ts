import { afterEach, describe, expect, it, vi } from "vitest";
import { date, isoDay, money, month, monthStart } from "./format";

afterEach(() => vi.unstubAllGlobals());

describe("formatting", () => {
  it("formats an amount string exactly, per currency and locale", () => {
    vi.stubGlobal("navigator", { language: "en-US" });
    expect(money("1250.5", "RON")).toBe("RON\u00a01,250.50");
    expect(money("12345678901234.57", "EUR")).toBe("€12,345,678,901,234.57");
    expect(money("-640.20", "USD")).toBe("-$640.20");
    vi.stubGlobal("navigator", { language: "de-DE" });
    expect(money("1250.5", "EUR")).toBe("1.250,50\u00a0€");
  });

  it("shows a calendar date as that day in any time zone", () => {
    vi.stubGlobal("navigator", { language: "en-GB" });
    expect(date("2025-03-01")).toBe("1 Mar 2025");
    expect(date(null)).toBe("—");
    expect(month("2025-03", "long")).toBe("March 2025");
  });

  it("counts days and months in UTC", () => {
    const now = new Date("2025-01-15T23:30:00Z");
    expect(isoDay(0, now)).toBe("2025-01-15");
    expect(isoDay(-15, now)).toBe("2024-12-31");
    expect(monthStart(11, now)).toBe("2024-02-01");
  });
});
