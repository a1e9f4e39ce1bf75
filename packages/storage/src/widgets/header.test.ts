import { accountFlags, accountHeader, accountPicture } from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  contractRowFor,
  pngBase64,
  testContext,
  uid,
  unknownCustomerId,
  widgetWorldOfFile,
} from "../ingest/test-kit";

const world = widgetWorldOfFile();

const ctx = testContext("2025-06-30T12:00:00Z");
const header = (customerInternalId: string, context = ctx) =>
  world.run(accountHeader, { customerInternalId }, context);
const picture = (customerInternalId: string) => world.run(accountPicture, { customerInternalId }, ctx);

describe("FTOS_ACC_AccountHeader", () => {
  it("shows who the customer is, the primary address, active products, flags and profile", async () => {
    const id = await world.insertCustomer({
      firstName: "ana-maria",
      lastName: "Ionescu",
      uniqueId: "2850101123456",
      email: "ana@example.ro",
      segment: "Premium",
      emailAddressType: "Personal",
    });
    await world.handle.db.execute(
      sql`update customers set created_at = '2022-05-01T10:00:00Z' where id = ${id}::uuid`,
    );
    await world.insertAddress(id, { addressType: "Delivery address", city: "Cluj-Napoca" });
    const primary = await world.insertAddress(id, {
      addressType: "Primary address",
      buildingNo: "B2",
      apartmentNo: "14",
    });
    await world.insertAgreement(id);
    await world.ingest(
      "contracts",
      [
        contractRowFor(id, { activationDate: "2019-03-15" }),
        contractRowFor(id, { category: "savings", activationDate: "2024-01-01" }),
        contractRowFor(id, { status: "closed", activationDate: "2020-01-01", closeDate: "2021-01-01" }),
        contractRowFor(id, { status: "active", activationDate: "2025-07-01" }),
        contractRowFor(id, { status: "active", activationDate: "2020-01-01", closeDate: "2025-06-29" }),
      ],
      "test",
    );
    await world.ingest(
      "complianceFlags",
      [{ externalId: `F-${uid()}`, customerInternalId: id, code: "PEP", since: "2024-01-01" }],
      "test",
    );
    const result = await header(id);
    expect(result).toMatchObject({
      customerInternalId: id,
      fullName: "ana-maria Ionescu",
      initials: "AI",
      uniqueIdMasked: "*********3456",
      email: "ana@example.ro",
      mobilePhone: "+40712345678",
      segment: "Premium",
      customerSince: "2019-03-15",
      activeProducts: 2,
      flagsCount: 1,
      flagCodes: ["PEP"],
      // everything but phoneNumberType 5 and picture 5
      profileCompletion: 90,
      profileBand: "green",
      asOf: "2025-06-30T12:00:00.000Z",
    });
    expect(result.primaryAddress).toMatchObject({
      addressIdentifier: primary,
      addressType: "Primary address",
      formatted: "Strada Lalelelor 10, Bl. B2, Apt. 14, 010101 Bucharest, Sector 1, RO",
    });
  });

  it("counts the same flags as the flags widget", async () => {
    const id = await world.insertCustomer();
    await world.ingest("contracts", [contractRowFor(id, { contractNo: "L-H" })], "test");
    await world.ingest(
      "instalments",
      [
        {
          externalId: `I-${uid()}`,
          customerInternalId: id,
          contractNo: "L-H",
          dueDate: "2025-06-01",
          amount: "10",
          currency: "EUR",
        },
      ],
      "test",
    );
    const flags = await world.run(accountFlags, { customerInternalId: id }, ctx);
    const result = await header(id);
    expect(result.flagCodes).toEqual(flags.flags.map((f) => f.code));
    expect(result.flagCodes).toEqual(["DPD", "NO_CONSENT", "INCOMPLETE_PROFILE"]);
    expect(result.flagsCount).toBe(3);
    expect(result.primaryAddress).toBeNull();
    // Created today (the real clock), but a contract since 2024: the relationship is older than the record.
    expect(result.customerSince).toBe("2024-01-10");
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(world.run(accountHeader, { customerInternalId: "  " }, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(header(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("FTOS_ACC_AccountPicture", () => {
  it("draws an initials avatar, escaped, while there is no picture", async () => {
    const id = await world.insertCustomer({ firstName: "<script>", lastName: `"O'Neil"` });
    const result = await picture(id);
    expect(result).toMatchObject({ customerInternalId: id, hasPicture: false, contentType: "image/svg+xml" });
    const svg = Buffer.from(result.dataBase64, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(">&lt;&quot;</text>");
    expect(svg).not.toContain("<script");
  });

  it("answers the stored picture, byte for byte, and the new one after an upload replaces it", async () => {
    const id = await world.insertCustomer();
    // Large enough that PostgreSQL's base64 encoder wraps lines.
    const png = pngBase64(5000, 7);
    await world.ingest("pictures", [{ customerInternalId: id, dataBase64: png }], "test");
    expect(await picture(id)).toMatchObject({ hasPicture: true, contentType: "image/png", dataBase64: png });
    const webp = Buffer.concat([
      Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"),
      Buffer.alloc(8, 1),
    ]).toString("base64");
    await world.ingest("pictures", [{ customerInternalId: id, dataBase64: webp }], "test");
    expect(await picture(id)).toMatchObject({
      hasPicture: true,
      contentType: "image/webp",
      dataBase64: webp,
    });
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(world.run(accountPicture, {} as never, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(picture(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
