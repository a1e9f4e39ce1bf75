import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** A new bearer token: 256 random bits, base64url without padding (43 characters). */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/**
 * What the database keeps instead of the token. A plain SHA-256 suffices: the token carries
 * 256 random bits, so unlike a password it cannot be guessed from its hash.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether the string could be a token this service issued; anything else is refused unread. */
export function looksLikeToken(token: string): boolean {
  return tokenShape.test(token);
}
