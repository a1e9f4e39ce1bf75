import {
  type AppDeps,
  type AppRouter,
  appRouter,
  type CallerCredentials,
  createContextInner,
} from "@account360/api";
import { AppError, type AppErrorCode, type FieldError } from "@account360/core";
import {
  createTRPCClient,
  httpLink,
  type TRPCClient,
  TRPCClientError,
  unstable_localLink,
} from "@trpc/client";

export type ApiClient = TRPCClient<AppRouter>;

/** Gives the bridge a typed client that calls the API as the envelope's caller. */
export type ApiClientFactory = (credentials: CallerCredentials, requestId: string) => ApiClient;

/** In one process: procedures run in-process through tRPC's local link, with the caller's credentials. */
export function localApiClients(deps: AppDeps): ApiClientFactory {
  return (credentials, requestId) =>
    createTRPCClient<AppRouter>({
      links: [
        unstable_localLink({
          router: appRouter,
          createContext: async () => createContextInner(deps, credentials, requestId),
        }),
      ],
    });
}

/** Apart: the same procedures over HTTP on a separate API server (API_URL). */
export function httpApiClients(apiUrl: string): ApiClientFactory {
  const url = `${apiUrl.replace(/\/+$/, "")}/trpc`;
  return (credentials, requestId) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url,
          methodOverride: "POST",
          headers: () => ({
            ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
            ...(credentials.claimedUserName ? { "x-api-username": credentials.claimedUserName } : {}),
            "x-request-id": requestId,
          }),
        }),
      ],
    });
}

interface ErrorData {
  appCode?: AppErrorCode;
  fieldErrors?: FieldError[];
}

/** Reads the API's answer to a failed call back into the AppError the use case threw. */
export function appErrorFromClient(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    if (data.appCode) return new AppError(data.appCode, error.message, data.fieldErrors ?? []);
    if (!error.data) return new AppError("UNAVAILABLE", "The API server could not be reached.");
  }
  return new AppError("INTERNAL", "An unexpected error occurred; quote the request id to support.");
}
