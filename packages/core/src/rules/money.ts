import currencyCodes from "currency-codes";
import { type Check, type Checked, invalid, valid } from "./field";

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const MAX_INTEGER_DIGITS = 13;

/**
 * The text a JSON number was written as. `String(n)` gives the shortest text that reads back as
 * the same double, which is the sender's text for any amount a double carries (15 significant
 * digits); it only switches to an exponent below 1e-6 or from 1e21, both refused anyway.
 */
function numberText(value: number, label: string): string | Checked<never> {
  if (!Number.isFinite(value)) return invalid(`${label} must be a decimal number such as 1250.00`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (value <= 0) return invalid(`${label} must be greater than 0`);
  return value >= 1
    ? invalid(`${label} must be below 10000000000000`)
    : invalid(`${label} must have at most 2 decimal places`);
}

/**
 * An amount: a decimal > 0 with at most 2 fractional digits, below 10^13, as a string or a JSON
 * number; answered as the canonical decimal string with two fractional digits ("1250.00").
 * Only string and digit arithmetic is used, never a float.
 */
export const amount: Check<string, string | number> = (value, label) => {
  const text = typeof value === "number" ? numberText(value, label) : value;
  if (typeof text !== "string") return text;
  const match = DECIMAL.exec(text);
  if (!match) return invalid(`${label} must be a decimal number such as 1250.00`);
  const [, sign, digits = "", fraction = ""] = match;
  const integer = digits.replace(/^0+/, "");
  const cents = fraction.replace(/0+$/, "");
  if (sign === "-" || (integer === "" && cents === "")) return invalid(`${label} must be greater than 0`);
  if (cents.length > 2) return invalid(`${label} must have at most 2 decimal places`);
  if (integer.length > MAX_INTEGER_DIGITS) return invalid(`${label} must be below 10000000000000`);
  return valid(`${integer || "0"}.${cents.padEnd(2, "0")}`);
};

/** Codes ISO 4217 reserves for "no currency" and for tests: never the currency of a real amount. */
const NOT_MONEY = new Set(["XXX", "XTS"]);

/** An ISO 4217 currency code, stored upper-case. */
export const currency: Check<string> = (value, label) => {
  const code = value.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && !NOT_MONEY.has(code) && currencyCodes.code(code)) return valid(code);
  return invalid(`${label} must be an ISO 4217 currency code such as EUR`);
};
