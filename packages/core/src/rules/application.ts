import { type Check, invalid, valid } from "./field";
import { text } from "./text";

const MAX_URL_LENGTH = 2048;

/** An absolute http(s) URL with a host, stored as sent (trimmed). */
export const httpUrl: Check<string> = (value, label) => {
  const refused = invalid(`${label} must be an absolute http or https URL`);
  if (value.length > MAX_URL_LENGTH) return invalid(`${label} must be at most ${MAX_URL_LENGTH} characters`);
  if (/\s/.test(value)) return refused;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refused;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return refused;
  return valid(value);
};

/** Free text of 1–50 characters; see `isFinalBusinessStatus` for which statuses end an application. */
export const businessStatus: Check<string> = text(50);

const FINAL_STATUSES = new Set(["approved", "rejected", "cancelled", "closed", "completed"]);

/** Approved, Rejected, Cancelled, Closed and Completed (any case) are final; every other status is pending. */
export const isFinalBusinessStatus = (status: string): boolean =>
  FINAL_STATUSES.has(status.trim().toLowerCase());
