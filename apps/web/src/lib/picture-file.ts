/** Checks a picture before it is sent: the server checks again, but the user learns at once. */

export const MAX_PICTURE_BYTES = 1024 * 1024;
export const PICTURE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

/** The image type the first bytes show, as the server recognises it. */
export function sniffPictureType(bytes: Uint8Array): (typeof PICTURE_TYPES)[number] | null {
  const starts = (offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

export type PictureCheck =
  | { ok: true; contentType: (typeof PICTURE_TYPES)[number]; dataBase64: string }
  | { ok: false; message: string };

export function base64Of(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Size first (no need to read a 50 MB file), then the declared type, then the bytes themselves. */
export function checkPicture(
  file: { name: string; size: number; type: string },
  bytes?: Uint8Array,
): PictureCheck {
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  if (file.size > MAX_PICTURE_BYTES) {
    const mib = (file.size / MAX_PICTURE_BYTES).toFixed(1);
    return { ok: false, message: `${file.name} is ${mib} MiB; pictures may be at most 1 MiB.` };
  }
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) {
    return { ok: false, message: `${file.name} is not a PNG, JPEG or WebP image.` };
  }
  if (!bytes) return { ok: true, contentType: file.type as (typeof PICTURE_TYPES)[number], dataBase64: "" };
  const detected = sniffPictureType(bytes);
  if (detected === null) return { ok: false, message: `${file.name} is not a PNG, JPEG or WebP image.` };
  return { ok: true, contentType: detected, dataBase64: base64Of(bytes) };
}
