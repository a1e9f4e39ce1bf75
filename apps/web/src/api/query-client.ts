import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { SESSION_EXPIRED, session } from "./session";
import { statusOf } from "./trpc";

/** A 401 from any call means the token is no longer good: back to sign-in, saying why. */
function signOutOnUnauthorized(error: unknown): void {
  if (statusOf(error) === 401) session.end(SESSION_EXPIRED);
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    queryCache: new QueryCache({ onError: signOutOnUnauthorized }),
    mutationCache: new MutationCache({ onError: signOutOnUnauthorized }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; a dropped connection or a 5xx may.
        retry: (failures, error) => {
          const status = statusOf(error);
          return failures < 1 && (status === 0 || status >= 500);
        },
      },
      mutations: { retry: false },
    },
  });
  // What one user saw must not show to the next one signing in on this tab.
  session.subscribe(() => {
    if (!session.get()) client.clear();
  });
  return client;
}
