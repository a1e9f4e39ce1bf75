import { individualCustomerInput } from "@account360/core";
import { describe, expect, it } from "vitest";
import { customerInfoOf, storedCustomerOf } from "./customers";

describe("the write payloads", () => {
  const indices = [0, 1, 9, 10, 99, 12_345, 9_999_999, 10_000_003];

  it("pass the action's own validation, and the floor stores what the server would", () => {
    for (const i of indices) {
      const parsed = individualCustomerInput({ phoneRegion: "RO" }).parse({
        CustomerInfo: customerInfoOf("BENCH-X-H", i),
      });
      const { customerInternalId: _none, ...stored } = parsed.CustomerInfo;
      expect(stored).toEqual(storedCustomerOf("BENCH-X-H", i).fields);
    }
  });

  it("give every request its own UniqueID, and keep two prefixes apart", () => {
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => customerInfoOf("BENCH-X-H", i).UniqueID));
    expect(ids.size).toBe(5000);
    expect(customerInfoOf("BENCH-X-F", 7).UniqueID).not.toBe(customerInfoOf("BENCH-X-H", 7).UniqueID);
  });

  it("send a Romanian mobile number in E.164", () => {
    expect(customerInfoOf("P", 123).mobilePhone).toBe("+40720000123");
  });
});
