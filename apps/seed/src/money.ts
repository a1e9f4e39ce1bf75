/**
 * Amounts are drawn as whole minor units (integers, exact in a JS number far beyond any amount
 * here) and written as decimal strings: no float ever holds an amount.
 */

const CENTS: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** 123456 → "1234.56"; negative allowed. */
export function centsText(cents: number): string {
  if (cents < 0) return `-${centsText(-cents)}`;
  const whole = Math.floor(cents / 100);
  return `${whole}.${CENTS[cents - whole * 100]}`;
}

/**
 * Ten-thousandths (the scale of rates and profitability values) as the core writes decimals:
 * at least two fractional digits, no trailing zeros beyond them (123400 → "12.34", 123450 → "12.345").
 */
export function basisText(units: number): string {
  if (units < 0) return `-${basisText(-units)}`;
  const whole = Math.floor(units / 10_000);
  const fraction = String(units - whole * 10_000).padStart(4, "0");
  return `${whole}.${fraction.endsWith("00") ? fraction.slice(0, 2) : fraction.endsWith("0") ? fraction.slice(0, 3) : fraction}`;
}
