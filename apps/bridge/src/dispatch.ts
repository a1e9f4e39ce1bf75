import { type AppDeps, type CallerCredentials, inProcessCaller } from "@account360/api";
import { type AnyAction, AppError, type AppErrorCode, type FieldError } from "@account360/core";

/** Runs one action for the envelope's caller and answers its output, or throws an AppError. */
export type Dispatch = (
  action: AnyAction,
  data: unknown,
  credentials: CallerCredentials,
  requestId: string,
) => Promise<unknown>;

/**
 * In one process: the action's own tRPC procedure through `createCaller`, so input is validated
 * once (by the procedure), roles are checked by the same middleware, and no client, link or
 * AbortController is built per request.
 */
export function inProcess(deps: () => AppDeps): Dispatch {
  const call = inProcessCaller();
  return (action, data, credentials, requestId) =>
    call(deps(), action.procedure, data, credentials, requestId);
}

interface TrpcAnswer {
  result?: { data?: unknown };
  error?: { message?: string; data?: { appCode?: AppErrorCode; fieldErrors?: FieldError[] } };
}

/** Apart: the same procedure over HTTP on the API server at `apiUrl` (one fetch, no tRPC client). */
export function overHttp(apiUrl: string): Dispatch {
  const base = `${apiUrl.replace(/\/+$/, "")}/trpc`;
  return async (action, data, credentials, requestId) => {
    let answer: TrpcAnswer;
    try {
      const response = await fetch(`${base}/${action.procedure}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-request-id": requestId,
          ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
          ...(credentials.claimedUserName ? { "x-api-username": credentials.claimedUserName } : {}),
        },
        body: JSON.stringify(data ?? null),
        signal: AbortSignal.timeout(30_000),
      });
      answer = (await response.json()) as TrpcAnswer;
    } catch {
      throw new AppError("UNAVAILABLE", "The API server could not be reached.");
    }
    if (answer.error) {
      const { appCode, fieldErrors } = answer.error.data ?? {};
      throw new AppError(
        appCode ?? "INTERNAL",
        answer.error.message ?? "The API server failed.",
        fieldErrors ?? [],
      );
    }
    return answer.result?.data;
  };
}
