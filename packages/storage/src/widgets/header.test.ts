import { accountFlags, accountHeader, accountPicture, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contractRowFor,
  ingestBatch,
  insertAddress,
  insertAgreement,
  insertCustomer,
  pngBase64,
  testContext,
  uid,
  unknownCustomerId,
} from "../ingest/test-kit";
import { openTestDatabase } from "../testing";
import { accountFlagsSource } from "./flags";
import { accountHeaderSource } from "./header";
import { accountPictureSource } from "./picture";

const runAccountFlags = (source: Sources["flags"], input: unknown, ctx?: RunOptions) =>
  runAction(accountFlags, { flags: source }, input, ctx);
const runAccountHeader = (source: Sources["header"], input: unknown, ctx?: RunOptions) =>
  runAction(accountHeader, { header: source }, input, ctx);
const runAccountPicture = (source: Sources["picture"], input: unknown, ctx?: RunOptions) =>
  runAction(accountPicture, { picture: source }, input, ctx);

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const ctx = testContext("2025-06-30T12:00:00Z");
const header = (customerInternalId: string, context = ctx) =>
  runAccountHeader(accountHeaderSource(handle.sql), { customerInternalId }, context);
const picture = (customerInternalId: string) =>
  runAccountPicture(accountPictureSource(handle.sql), { customerInternalId }, ctx);

describe("FTOS_ACC_AccountHeader", () => {
  it("shows who the customer is, the primary address, active products, flags and profile", async () => {
    const id = await insertCustomer(handle.db, {
      firstName: "ana-maria",
      lastName: "Ionescu",
      uniqueId: "2850101123456",
      email: "ana@example.ro",
      segment: "Premium",
      emailAddressType: "Personal",
    });
    await handle.db.execute(
      sql`update customers set created_at = '2022-05-01T10:00:00Z' where id = ${id}::uuid`,
    );
    await insertAddress(handle.db, id, { addressType: "Delivery address", city: "Cluj-Napoca" });
    const primary = await insertAddress(handle.db, id, {
      addressType: "Primary address",
      buildingNo: "B2",
      apartmentNo: "14",
    });
    await insertAgreement(handle.db, id);
    await ingestBatch(
      handle.sql,
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
    await ingestBatch(
      handle.sql,
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
    const id = await insertCustomer(handle.db);
    await ingestBatch(handle.sql, "contracts", [contractRowFor(id, { contractNo: "L-H" })], "test");
    await ingestBatch(
      handle.sql,
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
    const flags = await runAccountFlags(accountFlagsSource(handle.sql), { customerInternalId: id }, ctx);
    const result = await header(id);
    expect(result.flagCodes).toEqual(flags.flags.map((f) => f.code));
    expect(result.flagCodes).toEqual(["DPD", "NO_CONSENT", "INCOMPLETE_PROFILE"]);
    expect(result.flagsCount).toBe(3);
    expect(result.primaryAddress).toBeNull();
    // Created today (the real clock), but a contract since 2024: the relationship is older than the record.
    expect(result.customerSince).toBe("2024-01-10");
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(
      runAccountHeader(accountHeaderSource(handle.sql), { customerInternalId: "  " }, ctx),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(header(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("FTOS_ACC_AccountPicture", () => {
  it("draws an initials avatar, escaped, while there is no picture", async () => {
    const id = await insertCustomer(handle.db, { firstName: "<script>", lastName: `"O'Neil"` });
    const result = await picture(id);
    expect(result).toMatchObject({ customerInternalId: id, hasPicture: false, contentType: "image/svg+xml" });
    const svg = Buffer.from(result.dataBase64, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(">&lt;&quot;</text>");
    expect(svg).not.toContain("<script");
  });

  it("answers the stored picture, byte for byte, and the new one after an upload replaces it", async () => {
    const id = await insertCustomer(handle.db);
    // Large enough that PostgreSQL's base64 encoder wraps lines.
    const png = pngBase64(5000, 7);
    await ingestBatch(handle.sql, "pictures", [{ customerInternalId: id, dataBase64: png }], "test");
    expect(await picture(id)).toMatchObject({ hasPicture: true, contentType: "image/png", dataBase64: png });
    const webp = Buffer.concat([
      Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"),
      Buffer.alloc(8, 1),
    ]).toString("base64");
    await ingestBatch(handle.sql, "pictures", [{ customerInternalId: id, dataBase64: webp }], "test");
    expect(await picture(id)).toMatchObject({
      hasPicture: true,
      contentType: "image/webp",
      dataBase64: webp,
    });
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(runAccountPicture(accountPictureSource(handle.sql), {} as never, ctx)).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        fieldErrors: [{ field: "customerInternalId" }],
      },
    );
    await expect(picture(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
