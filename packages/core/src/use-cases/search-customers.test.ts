import { describe, expect, it } from "vitest";
import { decodeSearchCursor, encodeSearchCursor, phonePrefixOf, searchTermsOf } from "./search-customers";

describe("customers.search terms", () => {
  it("reads a typed phone number as an E.164 prefix, national numbers in the default region", () => {
    expect(phonePrefixOf("+40 (722) 123-4", "RO")).toBe("+407221234");
    expect(phonePrefixOf("0722 123", "RO")).toBe("+40722123");
    expect(phonePrefixOf("0722 123", "DE")).toBe("+49722123");
    expect(phonePrefixOf("0040722", "RO")).toBe("+40722");
    expect(phonePrefixOf("40722", "RO")).toBe("+40722");
    expect(phonePrefixOf("072", "RO")).toBeNull();
    expect(phonePrefixOf("07a2123", "RO")).toBeNull();
    expect(phonePrefixOf("ana", "RO")).toBeNull();
  });

  it("collapses whitespace, and offers a UniqueID prefix only for a query a UniqueID could start with", () => {
    expect(searchTermsOf("  ana   maria ", "RO")).toMatchObject({ text: "ana maria", uniqueIdPrefix: null });
    expect(searchTermsOf("ro-12/a.b", "RO")).toMatchObject({
      uniqueIdPrefix: "RO-12/A.B",
      phonePrefix: null,
    });
    expect(searchTermsOf("ana@x", "RO")).toMatchObject({ uniqueIdPrefix: null, phonePrefix: null });
  });

  it("round-trips a cursor holding any name, and refuses a forged one", () => {
    const position = {
      lastName: 'Ștefănescu "x"',
      firstName: "Ana 🙂",
      id: "0f8b2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
    };
    const cursor = encodeSearchCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(cursor)).toEqual(position);
    expect(decodeSearchCursor("abc")).toBeNull();
    expect(decodeSearchCursor(encodeSearchCursor({ ...position, id: "1; drop table customers" }))).toBeNull();
  });
});
