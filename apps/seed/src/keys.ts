import type { HoldingKind } from "@account360/core";
import { indexText, type RunContext } from "./context";
import { SEED_TABLES, type TableName } from "./records";
import { IdSequence, type Rng, runPrefixOf } from "./rng";
import { CONTRACT_PREFIX, IBAN_BANK_CODE } from "./vocab";

/**
 * Business keys. Each holds the run's tag (the seed in base 36) and the customer's index, so
 * runs with different seeds never collide on a unique key, and a second run with the same seed
 * collides on its very first customer (which the loader checks before writing anything).
 */

export function uniqueIdOf(ctx: RunContext, country: string, index: number): string {
  return `${country}-${ctx.tag}-${indexText(index)}`;
}

/** The ids of one customer's rows of one table, in generation order (see IdSequence). */
export function idsOf(ctx: RunContext, table: TableName, index: number, rng: Rng): IdSequence {
  return new IdSequence(runPrefixOf(ctx.seed), index, SEED_TABLES.indexOf(table), rng);
}

/** An external id of a source system: `<prefix>-<tag>-<customer>-<parts…>`. */
export function externalIdOf(
  ctx: RunContext,
  prefix: string,
  index: number,
  ...parts: (number | string)[]
): string {
  return [prefix, ctx.tag, indexText(index), ...parts].join("-");
}

/** ISO 13616 check digits of a country code and a BBAN (mod 97-10). */
function ibanCheckDigits(country: string, bban: string): string {
  const digits = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return String(98 - remainder).padStart(2, "0");
}

/** A Romanian IBAN (24 characters) whose 16-character account part is tag, customer and holding. */
function ibanOf(ctx: RunContext, index: number, holding: number): string {
  const account = `${ctx.tag.padStart(7, "0")}${indexText(index)}${String(holding).padStart(2, "0")}`;
  const bban = `${IBAN_BANK_CODE}${account}`;
  return `RO${ibanCheckDigits("RO", bban)}${bban}`;
}

/** Accounts are IBANs; credit products carry the lending system's contract number. */
export function contractNoOf(ctx: RunContext, kind: HoldingKind, index: number, holding: number): string {
  const prefix = CONTRACT_PREFIX[kind];
  return prefix === ""
    ? ibanOf(ctx, index, holding)
    : externalIdOf(ctx, prefix, index, String(holding).padStart(2, "0"));
}
