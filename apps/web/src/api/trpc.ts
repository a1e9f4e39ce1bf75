import type { AppRouter } from "@account360/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { session } from "./session";

/**
 * The typed client. httpLink rather than a batching link: each widget is its own request, so a
 * slow or failing widget never holds back or fails the others.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: "/trpc",
      headers: (): Record<string, string> => {
        const current = session.get();
        return current ? { authorization: `Bearer ${current.token}` } : {};
      },
    }),
  ],
});

/** The HTTP status behind a failed call (0 when the server was not reached). */
export function statusOf(error: unknown): number {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
    return typeof status === "number" ? status : 0;
  }
  return 0;
}

/** A sentence to show for a failed call. */
export function messageOf(error: unknown): string {
  const status = statusOf(error);
  if (status === 403) return "Your user is not allowed to do this.";
  if (status === 0) return "The server cannot be reached. Check your connection and try again.";
  if (status >= 500 && status !== 503) return "The server failed to answer. Try again shortly.";
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
