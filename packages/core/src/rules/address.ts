import countries from "i18n-iso-countries/index.js";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { type Check, invalid, valid } from "./field";

countries.registerLocale(english);

/** A country as an ISO 3166-1 alpha-2 or alpha-3 code or its English short name; stored as alpha-2. */
export const country: Check<string> = (value, label) => {
  const upper = value.toUpperCase();
  if (/^[A-Z]{2,3}$/.test(upper) && countries.isValid(upper)) {
    const alpha2 = countries.toAlpha2(upper);
    if (alpha2) return valid(alpha2);
  }
  const byName = countries.getAlpha2Code(value.replace(/\s+/g, " "), "en");
  if (byName) return valid(byName);
  return invalid(`${label} must be an ISO 3166-1 alpha-2 or alpha-3 code or an English country name`);
};

const POSTAL_CODE = /^[A-Z0-9 -]{2,12}$/;

/** 2–12 letters, digits, spaces or hyphens; letters upper-cased (`sw1a 1aa` and `SW1A 1AA` are one code). */
export const postalCode: Check<string> = (value, label) => {
  const canonical = value.replace(/\s+/g, " ").toUpperCase();
  if (!POSTAL_CODE.test(canonical)) {
    return invalid(`${label} must be 2 to 12 letters, digits, spaces or hyphens`);
  }
  return valid(canonical);
};
