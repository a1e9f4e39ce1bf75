import { z } from "zod";
import { defineAction } from "../actions/action";
import { AppError } from "../errors/app-error";
import { systemId } from "../rules/ids";
import type { ProductSuggestionsSource } from "./product-suggestions";
import { unknownCustomer } from "./widget-input";

const suggestionIdField = z
  .string({
    error: (issue) => (issue.input == null ? "suggestionId is required" : "suggestionId must be a string"),
  })
  .refine((id) => !id.trim().toLowerCase().startsWith("rule:"), {
    message:
      "suggestionId names a rule-based suggestion, which cannot be dismissed: it goes once the customer holds the product",
  })
  .pipe(systemId("suggestionId"));

export const dismissSuggestionAction = "FTOS_ACC_DismissProductSuggestion";

/** Dismisses one campaign suggestion of the customer (`accountId` as in GetProductSuggestions). */
export const dismissSuggestionInput = z.strictObject({
  accountId: systemId("accountId"),
  suggestionId: suggestionIdField,
});
export type DismissSuggestionInput = z.output<typeof dismissSuggestionInput>;

export const dismissSuggestionOutput = z.object({
  suggestionId: z.string(),
  dismissedAt: z.string(),
  /** `unchanged` when it was already dismissed: dismissing twice is harmless and keeps the first time. */
  operation: z.enum(["updated", "unchanged"]),
});
export type DismissSuggestionOutput = z.infer<typeof dismissSuggestionOutput>;

export async function dismissSuggestion(
  source: ProductSuggestionsSource,
  input: DismissSuggestionInput,
  ctx: { now: Date; userName: string },
): Promise<DismissSuggestionOutput> {
  const { accountId, suggestionId } = input;
  const result = await source.dismissOffer({
    customerId: accountId,
    offerId: suggestionId,
    at: ctx.now,
    userName: ctx.userName,
    action: dismissSuggestionAction,
  });
  if (result === null) {
    if (!(await source.customerExists(accountId))) throw unknownCustomer("accountId", accountId);
    throw new AppError("NOT_FOUND", `The customer has no campaign suggestion ${suggestionId}.`, [
      { field: "suggestionId", message: `The customer has no campaign suggestion ${suggestionId}` },
    ]);
  }
  return {
    suggestionId,
    dismissedAt: result.dismissedAt,
    operation: result.changed ? "updated" : "unchanged",
  };
}

export const dismissProductSuggestion = defineAction({
  name: dismissSuggestionAction,
  procedure: "widgets.dismissSuggestion",
  kind: "mutation",
  access: "write",
  tag: "Widgets",
  title: "Product suggestion",
  summary:
    "Dismisses one campaign suggestion of the customer, so that GetProductSuggestions no longer offers it.",
  input: dismissSuggestionInput,
  output: dismissSuggestionOutput,
  message: (output) =>
    output.operation === "updated" ? "Product suggestion dismissed" : "Product suggestion unchanged",
  run: ({ sources, now, actor }, input) =>
    dismissSuggestion(sources.productSuggestions, input, { now, userName: actor.userName }),
});
