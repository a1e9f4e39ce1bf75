import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { customerKey } from "./customer-queries";
import { trpc } from "./trpc";

/** How often an open customer page asks the feed for that customer's new events. */
const EVENT_POLL_MS = 2_000;

/**
 * Keeps an open customer page current (CONTRACT §9): polls that customer's change events from
 * where the page started and, when any arrive, refreshes every widget of the customer. Answers
 * how many changes arrived since the page opened. Polling the feed, rather than holding a stream
 * open, keeps the bearer token in a header (an EventSource cannot send one) and costs one
 * indexed read per customer page every two seconds.
 */
export function useLiveCustomer(customerId: string): number {
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cursor: string | null = null;
    setChanges(0);

    /** Reads to the end of the feed; answers how many events there were after the cursor. */
    const drain = async (): Promise<number> => {
      let seen = 0;
      for (;;) {
        const page = await trpc.events.list.query({ customerId, after: cursor, limit: 1000 });
        cursor = page.nextCursor;
        seen += page.items.length;
        if (page.items.length < 1000) return seen;
      }
    };
    const poll = async (first: boolean) => {
      try {
        const seen = await drain();
        if (!first && seen > 0 && !stopped) {
          setChanges((count) => count + seen);
          await queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
        }
      } catch {
        // An unknown customer or a lost connection: the widgets say so; try again later.
      }
      if (!stopped) timer = setTimeout(() => void poll(false), EVENT_POLL_MS);
    };
    void poll(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [customerId, queryClient]);

  return changes;
}
