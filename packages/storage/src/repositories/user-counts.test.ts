import { describe, expect, it } from "vitest";
import { testDatabaseOfFile } from "../test-world";
import { countUsers } from "./user-counts";
import { disableUserAndRevokeTokens, upsertUser } from "./users";

const handle = testDatabaseOfFile();

describe("countUsers", () => {
  it("counts every user and those who may sign in", async () => {
    expect(await countUsers(handle.db)).toEqual({ all: 0, enabled: 0 });
    const now = new Date("2030-01-01T00:00:00.000Z");
    await upsertUser(handle.db, { username: "ana", passwordHash: "h", roles: ["reader"] }, now);
    await upsertUser(handle.db, { username: "ion", passwordHash: "h", roles: ["admin"] }, now);
    expect(await countUsers(handle.db)).toEqual({ all: 2, enabled: 2 });
    await disableUserAndRevokeTokens(handle.db, "ana", now);
    expect(await countUsers(handle.db)).toEqual({ all: 2, enabled: 1 });
  });
});
