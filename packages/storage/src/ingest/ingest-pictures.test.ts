import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, pictures } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { countRows, ingestBatch, insertCustomer, pngBase64, refusal, unknownCustomerId } from "./test-kit";

const handle = testDatabaseOfFile();

describe("ingesting pictures", () => {
  it("keeps one picture per customer, replaced on upload", async () => {
    const customer = await insertCustomer(handle.db);
    expect(
      await ingestBatch(
        handle.sql,
        "pictures",
        [{ customerInternalId: customer, dataBase64: pngBase64(100, 1) }],
        "feeder",
      ),
    ).toEqual({
      inserted: 1,
      updated: 0,
    });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString("base64");
    expect(
      await ingestBatch(
        handle.sql,
        "pictures",
        [{ customerInternalId: customer, dataBase64: jpeg }],
        "feeder",
      ),
    ).toEqual({
      inserted: 0,
      updated: 1,
    });
    const stored = await handle.db.select().from(pictures).where(eq(pictures.customerId, customer));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.contentType).toBe("image/jpeg");
    expect(Buffer.from(stored[0]!.data).toString("base64")).toBe(jpeg);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, customer), eq(auditLog.operation, "updated")));
    expect(audit?.changes).toMatchObject({
      contentType: { old: "image/png", new: "image/jpeg" },
      data: { new: { bytes: 7 } },
    });
  });

  it("is 415 for bytes that are no PNG, JPEG or WebP, and 413 above 1 MiB, storing nothing", async () => {
    const customer = await insertCustomer(handle.db);
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00", "latin1").toString("base64");
    const unsupported = await refusal(
      ingestBatch(
        handle.sql,
        "pictures",
        [{ customerInternalId: customer, dataBase64: gif, contentType: "image/png" }],
        "feeder",
      ),
    );
    expect(unsupported.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(unsupported.fieldErrors[0]?.field).toBe("rows.0.dataBase64");
    const tooLarge = await refusal(
      ingestBatch(
        handle.sql,
        "pictures",
        [{ customerInternalId: customer, dataBase64: pngBase64(1024 * 1024 + 1) }],
        "feeder",
      ),
    );
    expect(tooLarge.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await countRows(handle.db, "pictures", customer)).toBe(0);
    expect(
      await ingestBatch(
        handle.sql,
        "pictures",
        [{ customerInternalId: customer, dataBase64: pngBase64(1024 * 1024) }],
        "feeder",
      ),
    ).toEqual({ inserted: 1, updated: 0 });
  });

  it("is 404 for a picture of an unknown customer", async () => {
    const error = await refusal(
      ingestBatch(
        handle.sql,
        "pictures",
        [{ customerInternalId: unknownCustomerId, dataBase64: pngBase64() }],
        "feeder",
      ),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND", fieldErrors: [{ field: "rows.0.customerInternalId" }] });
  });
});
