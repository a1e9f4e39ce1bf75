import { z } from "zod";
import { defineWidget } from "../actions/action";
import { type CustomerInput, customerInput } from "../rules/ids";
import { asOfOf, unknownCustomer } from "./widget-input";

/**
 * The indicators a customer has values of, for a picker beside FTOS_ACC_AccountProfitabilityPI
 * (which answers 404 for a name nobody has). Per customer, so it reads a few rows by key
 * rather than every customer's.
 */

export const profitabilityIndicatorsOutput = z.object({
  customerInternalId: z.string(),
  /** Sorted; empty when the customer has no value of any indicator. */
  indicators: z.array(z.string()),
  asOf: z.string(),
});
export type ProfitabilityIndicatorsOutput = z.infer<typeof profitabilityIndicatorsOutput>;

export interface ProfitabilityIndicatorsSource {
  /** null when no customer has this id. */
  indicatorsOf(customerId: string): Promise<string[] | null>;
}

export async function readAccountProfitabilityIndicators(
  source: ProfitabilityIndicatorsSource,
  input: CustomerInput,
  ctx: { now: Date },
): Promise<ProfitabilityIndicatorsOutput> {
  const { customerInternalId } = input;
  const indicators = await source.indicatorsOf(customerInternalId);
  if (indicators === null) throw unknownCustomer("customerInternalId", customerInternalId);
  return { customerInternalId, indicators, asOf: asOfOf(ctx.now) };
}

export const accountProfitabilityIndicators = defineWidget({
  name: "FTOS_ACC_AccountProfitabilityIndicators",
  procedure: "widgets.profitabilityIndicators",
  title: "Profitability indicators",
  summary: "The names of the profitability indicators the customer has values of.",
  input: customerInput,
  output: profitabilityIndicatorsOutput,
  run: ({ sources, now }, input) =>
    readAccountProfitabilityIndicators(sources.profitabilityIndicators, input, { now }),
});
