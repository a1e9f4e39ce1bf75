import { describe, expect, it } from "vitest";
import { base64Of, checkPicture, MAX_PICTURE_BYTES, sniffPictureType } from "./picture-file";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);

describe("checking a picture before upload", () => {
  it("recognises PNG, JPEG and WebP by their bytes only", () => {
    expect(sniffPictureType(PNG)).toBe("image/png");
    expect(sniffPictureType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffPictureType(WEBP)).toBe("image/webp");
    expect(sniffPictureType(new TextEncoder().encode("GIF89a"))).toBeNull();
  });

  it("refuses an empty or too large file, or another type, before reading it", () => {
    expect(checkPicture({ name: "a.png", size: 0, type: "image/png" })).toMatchObject({ ok: false });
    expect(checkPicture({ name: "a.png", size: MAX_PICTURE_BYTES, type: "image/png" })).toMatchObject({
      ok: true,
    });
    expect(checkPicture({ name: "a.png", size: MAX_PICTURE_BYTES + 1, type: "image/png" })).toEqual({
      ok: false,
      message: "a.png is 1.0 MiB; pictures may be at most 1 MiB.",
    });
    expect(checkPicture({ name: "a.gif", size: 10, type: "image/gif" })).toMatchObject({ ok: false });
  });

  it("trusts the bytes over the declared type, and encodes them as base64", () => {
    const webp = checkPicture({ name: "x.png", size: WEBP.length, type: "image/png" }, WEBP);
    expect(webp).toEqual({ ok: true, contentType: "image/webp", dataBase64: base64Of(WEBP) });
    expect(
      checkPicture({ name: "x.png", size: 4, type: "image/png" }, Uint8Array.from([1, 2, 3, 4])),
    ).toEqual({
      ok: false,
      message: "x.png is not a PNG, JPEG or WebP image.",
    });
    expect(base64Of(PNG)).toBe(Buffer.from(PNG).toString("base64"));
    const large = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(base64Of(large)).toBe(Buffer.from(large).toString("base64"));
  });
});
