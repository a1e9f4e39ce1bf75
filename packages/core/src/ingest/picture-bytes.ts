import { z } from "zod";
import { ISSUE_STATUS } from "../rules/edge-input";
import { customerInternalIdField } from "../rules/ids";
import { text } from "../rules/text";
import { orNull } from "./fields";

/** Pictures: PNG, JPEG or WebP up to 1 MiB, recognised by their first bytes, never by a name. */

export const MAX_PICTURE_BYTES = 1024 * 1024;

const PICTURE_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type PictureContentType = (typeof PICTURE_CONTENT_TYPES)[number];

/** The image type the bytes start with, or null. */
export function pictureTypeOf(bytes: Uint8Array): PictureContentType | null {
  const starts = (offset: number, signature: readonly number[]) =>
    signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <size> WEBP
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

/** How many bytes a padded standard base64 text decodes to. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

function bytesOfBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Standard padded base64 from what integrators send: line breaks and spaces dropped, a
 * `data:…;base64,` prefix dropped (its declared type is not trusted), the URL-safe alphabet
 * and missing padding accepted. null when it is not base64.
 */
export function normalizeBase64(raw: string): string | null {
  let text = raw.replace(/^\s*data:[^,]*;base64,/i, "").replace(/\s+/g, "");
  if (/[-_]/.test(text)) text = text.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const unpadded = text.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return null;
  return unpadded + "=".repeat((4 - (unpadded.length % 4)) % 4);
}

const CONTENT_TYPE_ALIASES: Record<string, PictureContentType> = {
  "image/png": "image/png",
  "image/jpeg": "image/jpeg",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/webp": "image/webp",
};

const dataBase64Field = z
  .string({
    error: (issue) => (issue.input == null ? "dataBase64 is required" : "dataBase64 must be a base64 string"),
  })
  .transform((raw, ctx) => {
    const base64 = normalizeBase64(raw);
    if (base64 === null || base64 === "") {
      const message =
        base64 === "" ? "dataBase64 must not be empty" : "dataBase64 must be base64-encoded image bytes";
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    const size = base64ByteLength(base64);
    if (size > MAX_PICTURE_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `The picture is ${size} bytes; at most ${MAX_PICTURE_BYTES} bytes (1 MiB) are accepted`,
        params: { [ISSUE_STATUS]: "PAYLOAD_TOO_LARGE" },
      });
      return z.NEVER;
    }
    if (pictureTypeOf(bytesOfBase64(base64.slice(0, 16))) === null) {
      ctx.addIssue({
        code: "custom",
        message: "The picture must be a PNG, JPEG or WebP image; its bytes are none of these",
        params: { [ISSUE_STATUS]: "UNSUPPORTED_MEDIA_TYPE" },
      });
      return z.NEVER;
    }
    return base64;
  });

export const pictureRow = z
  .strictObject({
    customerInternalId: customerInternalIdField,
    dataBase64: dataBase64Field,
    /** Optional; when sent it must agree with the bytes. The stored type is always the one the bytes show. */
    contentType: orNull("contentType", text(100)),
  })
  .transform((row, ctx) => {
    const detected = pictureTypeOf(bytesOfBase64(row.dataBase64.slice(0, 16))) ?? "image/png";
    if (row.contentType !== null && CONTENT_TYPE_ALIASES[row.contentType.trim().toLowerCase()] !== detected) {
      ctx.addIssue({
        code: "custom",
        path: ["contentType"],
        message: `contentType says ${row.contentType.trim()} but the bytes are ${detected}`,
      });
      return z.NEVER;
    }
    return { customerInternalId: row.customerInternalId, dataBase64: row.dataBase64, contentType: detected };
  });
