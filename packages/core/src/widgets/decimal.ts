/**
 * Exact decimal arithmetic on decimal strings ("1250.00", "-0.5"), through BigInt scaled integers:
 * amounts never pass through a JS float.
 */

interface Scaled {
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

function parse(value: string): Scaled {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new TypeError(`"${value}" is not a decimal number`);
  const [, sign, whole = "0", fraction = ""] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function format(units: bigint, scale: number, minScale: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  let fraction = scale > 0 ? digits.slice(-scale) : "";
  digits = scale > 0 ? digits.slice(0, -scale) : digits;
  while (fraction.length > minScale && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  while (fraction.length < minScale) fraction += "0";
  const text = fraction ? `${digits}.${fraction}` : digits;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** The same number written with at least `minScale` fractional digits and no needless trailing zeros. */
export function normalizeDecimal(value: string, minScale = 2): string {
  const parsed = parse(value);
  return format(parsed.units, parsed.scale, minScale);
}

/** Exact sum; the answer has at least `minScale` fractional digits (two: money). */
export function sumDecimals(values: readonly string[], minScale = 2): string {
  const parsed = values.map(parse);
  const scale = Math.max(minScale, ...parsed.map((p) => p.scale));
  const total = parsed.reduce((sum, p) => sum + rescale(p, scale), 0n);
  return format(total, scale, minScale);
}

/** Exact `a - b`. */
export function subtractDecimals(a: string, b: string, minScale = 2): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(minScale, x.scale, y.scale);
  return format(rescale(x, scale) - rescale(y, scale), scale, minScale);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * The change from `from` to `to` in percent of |from|, rounded half away from zero to
 * `fractionDigits` digits; null when `from` is zero (no meaningful ratio). Dividing by the
 * absolute value keeps the sign of the answer the sign of the move (−200 → −100 is +50%).
 */
export function percentChange(from: string, to: string, fractionDigits = 2): string | null {
  const x = parse(from);
  const y = parse(to);
  const scale = Math.max(x.scale, y.scale);
  const base = rescale(x, scale);
  if (base === 0n) return null;
  const delta = rescale(y, scale) - base;
  const numerator = delta * 100n * 10n ** BigInt(fractionDigits);
  const denominator = base < 0n ? -base : base;
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return format(negative ? -quotient : quotient, fractionDigits, fractionDigits);
}
