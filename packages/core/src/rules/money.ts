import currencyCodes from "currency-codes";
import { type Check, type Checked, invalid, valid } from "./field";

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** What a decimal column holds: `numeric(integerDigits + scale, scale)`, and whether it may be ≤ 0. */
export interface DecimalRule {
  /** Fractional digits kept; more (other than trailing zeros) would be rounded, so they are refused. */
  scale: number;
  integerDigits: number;
  sign: "positive" | "any";
}

type Mistake = "shape" | "positive" | "places" | "range";

function refusal(mistake: Mistake, rule: DecimalRule, label: string): Checked<never> {
  const limit = `1${"0".repeat(rule.integerDigits)}`;
  switch (mistake) {
    case "shape":
      return invalid(`${label} must be a decimal number such as 1250.00`);
    case "positive":
      return invalid(`${label} must be greater than 0`);
    case "places":
      return invalid(`${label} must have at most ${rule.scale} decimal places`);
    case "range":
      return invalid(
        rule.sign === "positive"
          ? `${label} must be below ${limit}`
          : `${label} must be above -${limit} and below ${limit}`,
      );
  }
}

/**
 * The text a JSON number was written as. `String(n)` gives the shortest text that reads back as
 * the same double, which is the sender's text for any amount a double carries (15 significant
 * digits); it only switches to an exponent below 1e-6 or from 1e21, which have more decimal
 * places or integer digits than any rule here keeps (`decimal` holds scales to 6).
 */
function numberText(value: number, rule: DecimalRule): { text: string } | Mistake {
  if (!Number.isFinite(value)) return "shape";
  const text = String(value);
  if (!/e/i.test(text)) return { text };
  if (rule.sign === "positive" && value <= 0) return "positive";
  return Math.abs(value) >= 1 ? "range" : "places";
}

/** The canonical decimal string, or the first mistake found. */
function canonicalDecimal(text: string, rule: DecimalRule): { value: string } | Mistake {
  const match = DECIMAL.exec(text);
  if (!match) return "shape";
  const [, sign, digits = "", fraction = ""] = match;
  const integer = digits.replace(/^0+/, "");
  const significant = fraction.replace(/0+$/, "");
  const zero = integer === "" && significant === "";
  if (rule.sign === "positive" && (sign === "-" || zero)) return "positive";
  if (significant.length > rule.scale) return "places";
  if (integer.length > rule.integerDigits) return "range";
  const negative = sign === "-" && !zero;
  return { value: `${negative ? "-" : ""}${integer || "0"}.${significant.padEnd(2, "0")}` };
}

/**
 * An exact decimal, as a string or a JSON number, answered as the canonical string: no leading
 * zeros, no trailing zeros past the second fractional digit, at least two ("1250.00", "7.125").
 * Only string and digit arithmetic is used, never a float; the canonical string is itself a valid
 * input that reads back unchanged.
 */
export function decimal(rule: DecimalRule): Check<string, string | number> {
  if (rule.scale < 2 || rule.scale > 6) throw new Error("decimal: scale must be 2 to 6");
  return (value, label) => {
    const sent = typeof value === "number" ? numberText(value, rule) : { text: value };
    const read = typeof sent === "string" ? sent : canonicalDecimal(sent.text, rule);
    return typeof read === "string" ? refusal(read, rule, label) : valid(read.value);
  };
}

/** Money in numeric(15,2): at most 2 fractional digits, below 10^13. */
const MONEY = { scale: 2, integerDigits: 13 } as const;

/** An amount: a decimal > 0 with at most 2 fractional digits, below 10^13 ("1250.00"). */
export const amount = decimal({ ...MONEY, sign: "positive" });

/** An amount that may be zero or negative (a balance, a reversed fee), within the same bounds. */
export const signedAmount = decimal({ ...MONEY, sign: "any" });

/** Codes ISO 4217 reserves for "no currency" and for tests: never the currency of a real amount. */
const NOT_MONEY = new Set(["XXX", "XTS"]);

/** An ISO 4217 currency code, stored upper-case. */
export const currency: Check<string> = (value, label) => {
  const code = value.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && !NOT_MONEY.has(code) && currencyCodes.code(code)) return valid(code);
  return invalid(`${label} must be an ISO 4217 currency code such as EUR`);
};
