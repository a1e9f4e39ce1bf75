import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { type Check, invalid, valid } from "./field";

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** An e-mail address; the domain is stored lower-case because domains are case-insensitive, local parts are not. */
export const emailAddress: Check<string> = (value, label) => {
  const refused = invalid(`${label} must be a valid e-mail address`);
  const at = value.lastIndexOf("@");
  if (at <= 0 || value.length > 254) return refused;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return refused;
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((part) => DOMAIN_LABEL.test(part))) return refused;
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? "")) return refused;
  return valid(`${local}@${domain}`);
};

/**
 * A phone number in any common notation, stored in E.164 (`+40712345678`); one without a country
 * code is read in `region` (the DEFAULT_PHONE_REGION setting, checked at start-up).
 */
export const phoneNumberIn =
  (region: string): Check<string> =>
  (value, label) => {
    const refused = invalid(`${label} must be a valid phone number, such as +40712345678`);
    if (/\p{L}/u.test(value)) return refused;
    const parsed = parsePhoneNumberFromString(value, region as CountryCode);
    // An extension cannot be kept in E.164, and dropping it silently would store a different number.
    if (!parsed?.isValid() || parsed.ext) return refused;
    return valid(parsed.number);
  };
