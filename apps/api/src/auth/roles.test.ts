import { describe, expect, it } from "vitest";
import { canCall, type Role } from "./roles";

const as = (...roles: Role[]) => ({ userId: "u", userName: "u", roles });

describe("canCall", () => {
  it("lets a reader read only, a writer write only, and an admin do everything", () => {
    const table = (roles: Role[]) =>
      (["read", "write", "admin"] as const).map((need) => canCall(as(...roles), need));
    expect(table(["reader"])).toEqual([true, false, false]);
    expect(table(["writer"])).toEqual([false, true, false]);
    expect(table(["writer", "reader"])).toEqual([true, true, false]);
    expect(table(["admin"])).toEqual([true, true, true]);
    expect(table([])).toEqual([false, false, false]);
  });
});
