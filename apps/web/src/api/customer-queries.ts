import { useQuery } from "@tanstack/react-query";
import { trpc } from "./trpc";

/**
 * One hook per widget. Keys start with ["customer", id] so one invalidation refreshes every
 * widget of a customer (after an upload, say); each is its own request and cache entry.
 */

type Widgets = typeof trpc.widgets;
export type WidgetOutput<K extends keyof Widgets> = Widgets[K] extends {
  query: (...args: never[]) => infer R;
}
  ? Awaited<R>
  : never;

export const customerKey = (customerId: string) => ["customer", customerId] as const;

export const useHeader = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "header"],
    queryFn: () => trpc.widgets.header.query({ customerInternalId: customerId }),
  });

export const usePicture = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "picture"],
    queryFn: () => trpc.widgets.picture.query({ customerInternalId: customerId }),
  });

export const useFlags = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "flags"],
    queryFn: () => trpc.widgets.flags.query({ customerInternalId: customerId }),
  });

export const useProfile = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "profile"],
    queryFn: () => trpc.widgets.profileCompletion.query({ customerInternalId: customerId }),
  });

export const usePortfolio = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "portfolio"],
    queryFn: () => trpc.widgets.productPortfolio.query({ customerInternalId: customerId }),
  });

export const usePending = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "pending"],
    queryFn: () => trpc.widgets.pendingActivities.query({ customerInternalId: customerId }),
  });

export const useSuggestions = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "suggestions"],
    queryFn: () => trpc.widgets.productSuggestions.query({ accountId: customerId }),
  });

export const useLifecycle = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "lifecycle"],
    queryFn: () => trpc.widgets.clientLifecycle.query({ customerInternalId: customerId }),
  });

export const useRevenues = (customerId: string, startDate: string, endDate: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "revenues", startDate, endDate],
    queryFn: () => trpc.widgets.revenues.query({ customerInternalId: customerId, startDate, endDate }),
  });

export const useTransactionValues = (customerId: string, startDate: string, endDate: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "transactions", startDate, endDate],
    queryFn: () =>
      trpc.widgets.transactionValues.query({ customerInternalId: customerId, startDate, endDate }),
  });

export const useProfitabilityIndicators = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "profitability-indicators"],
    queryFn: () => trpc.widgets.profitabilityIndicators.query({ customerInternalId: customerId }),
  });

export const useProfitability = (customerId: string, indicatorName: string | null) =>
  useQuery({
    queryKey: [...customerKey(customerId), "profitability", indicatorName],
    queryFn: () =>
      trpc.widgets.profitability.query({
        customerInternalId: customerId,
        indicatorName: indicatorName ?? "",
      }),
    enabled: indicatorName !== null,
  });

export interface InteractionsFilter {
  fromDate: string;
  toDate: string;
  channels: string[];
  cursor: string | null;
}

export const INTERACTIONS_PAGE = 10;

export const useInteractions = (customerId: string, filter: InteractionsFilter) =>
  useQuery({
    queryKey: [...customerKey(customerId), "interactions", filter],
    queryFn: () =>
      trpc.widgets.recentInteractions.query({
        customerInternalId: customerId,
        fromDate: filter.fromDate,
        toDate: filter.toDate,
        channels: filter.channels.length > 0 ? filter.channels : null,
        limit: INTERACTIONS_PAGE,
        cursor: filter.cursor,
      }),
    placeholderData: (previous) => previous,
  });

/** Every channel in the range with its count, unfiltered, for the filter's choices. */
export const useInteractionChannels = (customerId: string, fromDate: string, toDate: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "interaction-channels", fromDate, toDate],
    queryFn: async () =>
      (
        await trpc.widgets.recentInteractions.query({
          customerInternalId: customerId,
          fromDate,
          toDate,
          limit: 1,
        })
      ).countsByChannel,
  });

/** groups.members: a group's members, and the groups the customer belongs to. */
export const useGroupMembers = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "group-members"],
    queryFn: () => trpc.groups.members.query({ customerInternalId: customerId }),
  });

export const useGroupExposure = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "group-exposure"],
    queryFn: () => trpc.widgets.groupExposure.query({ customerInternalId: customerId }),
  });

export const useRepresentatives = (customerId: string) =>
  useQuery({
    queryKey: [...customerKey(customerId), "representatives"],
    queryFn: () => trpc.representatives.list.query({ customerInternalId: customerId }),
  });
