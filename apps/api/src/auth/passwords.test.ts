import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from "./passwords";

describe("password hashes", () => {
  it("encode scrypt parameters, salt and hash, and verify only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("are salted, so one password hashes differently twice", async () => {
    const params = { ln: 10, r: 8, p: 1 };
    const [a, b] = await Promise.all([
      hashPassword("same password", params),
      hashPassword("same password", params),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", a)).toBe(true);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("verify with the parameters stored in the hash, and older parameters ask for a rehash", async () => {
    const weak = await hashPassword("legacy password", { ln: 10, r: 8, p: 1 });
    expect(await verifyPassword("legacy password", weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword("legacy password"))).toBe(false);
  });

  it("treat a missing or unreadable hash as a failed check", async () => {
    expect(await verifyPassword("anything at all", null)).toBe(false);
    expect(await verifyPassword("anything at all", "plain-text")).toBe(false);
    expect(await verifyPassword("anything at all", "$scrypt$ln=40,r=8,p=1$AAAA$AAAA")).toBe(false);
  });

  it("normalise Unicode, so composed and decomposed spellings are one password", async () => {
    const hash = await hashPassword("parolă-sigură-1", { ln: 10, r: 8, p: 1 });
    expect(await verifyPassword("parolă-sigură-1".normalize("NFD"), hash)).toBe(true);
  });

  it("must be 12 to 1024 characters and not blank", () => {
    expect(passwordProblem("short-pass1")).toMatch(/at least 12/);
    expect(passwordProblem(" ".repeat(12))).toMatch(/blank/);
    expect(passwordProblem("x".repeat(1025))).toMatch(/at most 1024/);
    expect(passwordProblem("twelve chars")).toBeNull();
  });
});
