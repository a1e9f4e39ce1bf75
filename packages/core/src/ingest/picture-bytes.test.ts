import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { parseInput } from "../rules/edge-input";
import { ingestBatchInput } from "./ingest";

const parseIngestRows = (kind: "pictures", rows: unknown) =>
  parseInput(ingestBatchInput(kind), { rows }).rows;

import { base64ByteLength, MAX_PICTURE_BYTES, normalizeBase64, pictureTypeOf } from "./picture-bytes";

const customer = "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10";
const b64 = (bytes: number[] | Uint8Array) => btoa(String.fromCharCode(...bytes));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0];
const WEBP = [0x52, 0x49, 0x46, 0x46, 36, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20];
const GIF = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0];

const refusal = (row: Record<string, unknown>): AppError => {
  try {
    parseIngestRows("pictures", [row]);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("pictures are recognised by their bytes", () => {
  it("detects PNG, JPEG and WebP, and nothing else", () => {
    expect(pictureTypeOf(Uint8Array.from(PNG))).toBe("image/png");
    expect(pictureTypeOf(Uint8Array.from(JPEG))).toBe("image/jpeg");
    expect(pictureTypeOf(Uint8Array.from(WEBP))).toBe("image/webp");
    expect(pictureTypeOf(Uint8Array.from(GIF))).toBeNull();
    expect(
      pictureTypeOf(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x41, 0x56, 0x49, 0x20])),
    ).toBeNull();
    expect(pictureTypeOf(new Uint8Array())).toBeNull();
  });

  it("stores the type the bytes show, whatever a data URL or file name says", () => {
    const [row] = parseIngestRows("pictures", [
      { customerInternalId: customer, dataBase64: `data:image/png;base64,${b64(JPEG)}` },
    ]);
    expect(row).toEqual({ customerInternalId: customer, dataBase64: b64(JPEG), contentType: "image/jpeg" });
    expect(
      parseIngestRows("pictures", [
        { customerInternalId: customer, dataBase64: b64(JPEG), contentType: "image/jpg" },
      ])[0]?.contentType,
    ).toBe("image/jpeg");
  });

  it("is 415 for bytes that are not PNG, JPEG or WebP, even under an image name", () => {
    const error = refusal({ customerInternalId: customer, dataBase64: b64(GIF), contentType: "image/png" });
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.fieldErrors).toEqual([
      { field: "rows.0.dataBase64", message: expect.stringMatching(/PNG, JPEG or WebP/) },
    ]);
  });

  it("is 400 when the declared type disagrees with the bytes, or the text is not base64", () => {
    expect(
      refusal({ customerInternalId: customer, dataBase64: b64(PNG), contentType: "image/webp" }).fieldErrors,
    ).toEqual([
      { field: "rows.0.contentType", message: "contentType says image/webp but the bytes are image/png" },
    ]);
    expect(refusal({ customerInternalId: customer, dataBase64: "not base64!" }).code).toBe("BAD_REQUEST");
    expect(refusal({ customerInternalId: customer, dataBase64: "" }).code).toBe("BAD_REQUEST");
  });

  it("accepts exactly 1 MiB and is 413 for one byte more", () => {
    const exact = new Uint8Array(MAX_PICTURE_BYTES);
    exact.set(PNG);
    let binary = "";
    for (const byte of exact) binary += String.fromCharCode(byte);
    const base64 = btoa(binary);
    expect(base64ByteLength(base64)).toBe(MAX_PICTURE_BYTES);
    expect(parseIngestRows("pictures", [{ customerInternalId: customer, dataBase64: base64 }])).toHaveLength(
      1,
    );
    const over = btoa(`${binary}\u0000`);
    const error = refusal({ customerInternalId: customer, dataBase64: over });
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.fieldErrors[0]?.field).toBe("rows.0.dataBase64");
  });

  it("is 400, not 413, when the batch also has an ordinary error", () => {
    expect(refusal({ customerInternalId: "nope", dataBase64: b64(GIF) }).code).toBe("BAD_REQUEST");
  });

  it("normalises line-wrapped, URL-safe and unpadded base64", () => {
    expect(normalizeBase64("iVBO\r\nRw0K\nGgo")).toBe("iVBORw0KGgo=");
    expect(normalizeBase64("-_-_")).toBe("+/+/");
    expect(normalizeBase64("abcde")).toBeNull();
    expect(normalizeBase64("ab$c")).toBeNull();
  });
});
