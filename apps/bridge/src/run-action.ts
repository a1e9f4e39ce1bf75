import type { CallerCredentials, RequestScope } from "@account360/api";
import { type AnyAction, AppError, type FieldError } from "@account360/core";
import type { Dispatch } from "./dispatch";

/**
 * Runs the action through the dispatch both doors share, so callAction and the per-action
 * endpoints answer from one implementation. A field error without a path is about the whole
 * `Data` (callAction) or the whole body (the per-action endpoint): `rootField` names it.
 */
export async function runAction(
  dispatch: Dispatch,
  action: AnyAction,
  data: unknown,
  credentials: CallerCredentials,
  scope: RequestScope,
  rootField: string,
): Promise<unknown> {
  try {
    return await dispatch(action, data, credentials, scope.requestId);
  } catch (error) {
    const app = error instanceof AppError ? error : new AppError("INTERNAL", "An unexpected error occurred.");
    // The answer says only "quote the request id": the cause must be in the log under that id.
    if (app.code === "INTERNAL")
      scope.log.error({ requestId: scope.requestId, err: app.cause ?? error }, "action failed");
    throw new AppError(app.code, app.message, rooted(app.fieldErrors, rootField));
  }
}

function rooted(errors: FieldError[], rootField: string): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field || rootField }));
}
