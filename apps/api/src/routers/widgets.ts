import {
  accountClientLifecycle,
  accountClientLifecycleInput,
  accountFlags,
  accountFlagsInput,
  accountHeader,
  accountHeaderInput,
  accountPendingActivities,
  accountPendingActivitiesInput,
  accountPicture,
  accountPictureInput,
  dismissSuggestion,
  dismissSuggestionInput,
  getAccountProfitability,
  getAccountRevenues,
  getCustomerTransactionValues,
  getProductPortfolio,
  getProductSuggestions,
  getProfitabilityIndicators,
  getRecentInteractions,
  productPortfolioInput,
  productSuggestionsInput,
  profileComplete,
  profileCompleteInput,
  profitabilityIndicatorsInput,
  profitabilityInput,
  recentInteractionsInput,
  revenuesInput,
  transactionValuesInput,
} from "@account360/core";
import {
  accountClientLifecycleSource,
  accountFlagsSource,
  accountHeaderSource,
  accountPendingActivitiesSource,
  accountPictureSource,
  productPortfolioSource,
  productSuggestionsSource,
  profileCompleteSource,
  profitabilityIndicatorsSource,
  profitabilitySource,
  recentInteractionsSource,
  revenuesSource,
  transactionValuesSource,
} from "@account360/storage";
import type { Context } from "../context";
import { readerProcedure, router, writerProcedure } from "../trpc/init";
import { checkedByUseCase } from "../trpc/input";

const widgetContext = (ctx: Context) => ({ now: ctx.now(), settings: ctx.settings });

/** The twelve dashboard widgets (CONTRACT §5), one query each, plus dismissing a suggestion. */
export const widgetsRouter = router({
  lifecycleStages: readerProcedure.query(({ ctx }) =>
    accountClientLifecycle(accountClientLifecycleSource(ctx.db), null, widgetContext(ctx)),
  ),
  clientLifecycle: readerProcedure
    .input(checkedByUseCase(accountClientLifecycleInput))
    .query(({ ctx, input }) =>
      accountClientLifecycle(accountClientLifecycleSource(ctx.db), input ?? {}, widgetContext(ctx)),
    ),
  flags: readerProcedure
    .input(checkedByUseCase(accountFlagsInput))
    .query(({ ctx, input }) => accountFlags(accountFlagsSource(ctx.db), input, widgetContext(ctx))),
  header: readerProcedure
    .input(checkedByUseCase(accountHeaderInput))
    .query(({ ctx, input }) => accountHeader(accountHeaderSource(ctx.db), input, widgetContext(ctx))),
  picture: readerProcedure
    .input(checkedByUseCase(accountPictureInput))
    .query(({ ctx, input }) => accountPicture(accountPictureSource(ctx.db), input, widgetContext(ctx))),
  pendingActivities: readerProcedure
    .input(checkedByUseCase(accountPendingActivitiesInput))
    .query(({ ctx, input }) =>
      accountPendingActivities(accountPendingActivitiesSource(ctx.db), input, widgetContext(ctx)),
    ),
  productPortfolio: readerProcedure
    .input(checkedByUseCase(productPortfolioInput))
    .query(({ ctx, input }) =>
      getProductPortfolio(productPortfolioSource(ctx.db), input, widgetContext(ctx)),
    ),
  productSuggestions: readerProcedure
    .input(checkedByUseCase(productSuggestionsInput))
    .query(({ ctx, input }) =>
      getProductSuggestions(productSuggestionsSource(ctx.db), input, widgetContext(ctx)),
    ),
  dismissSuggestion: writerProcedure
    .input(checkedByUseCase(dismissSuggestionInput))
    .mutation(({ ctx, input }) =>
      dismissSuggestion(productSuggestionsSource(ctx.db), input, {
        now: ctx.now(),
        userName: ctx.actor.userName,
      }),
    ),
  profileCompletion: readerProcedure
    .input(checkedByUseCase(profileCompleteInput))
    .query(({ ctx, input }) => profileComplete(profileCompleteSource(ctx.db), input, widgetContext(ctx))),
  profitability: readerProcedure
    .input(checkedByUseCase(profitabilityInput))
    .query(({ ctx, input }) =>
      getAccountProfitability(profitabilitySource(ctx.db), input, widgetContext(ctx)),
    ),
  /** The indicator names the customer has values of, for a picker beside `profitability`. */
  profitabilityIndicators: readerProcedure
    .input(checkedByUseCase(profitabilityIndicatorsInput))
    .query(({ ctx, input }) =>
      getProfitabilityIndicators(profitabilityIndicatorsSource(ctx.db), input, widgetContext(ctx)),
    ),
  recentInteractions: readerProcedure
    .input(checkedByUseCase(recentInteractionsInput))
    .query(({ ctx, input }) =>
      getRecentInteractions(recentInteractionsSource(ctx.db), input, widgetContext(ctx)),
    ),
  revenues: readerProcedure
    .input(checkedByUseCase(revenuesInput))
    .query(({ ctx, input }) => getAccountRevenues(revenuesSource(ctx.db), input, widgetContext(ctx))),
  transactionValues: readerProcedure
    .input(checkedByUseCase(transactionValuesInput))
    .query(({ ctx, input }) =>
      getCustomerTransactionValues(transactionValuesSource(ctx.db), input, widgetContext(ctx)),
    ),
});
