import type { Actions } from "@account360/core";
import { systemRouter } from "./routers/system";
import { routerRecordOf } from "./trpc/action-procedures";
import { router } from "./trpc/init";

/** The tRPC router: every action of the registry at its procedure path, plus `system.info`. */
export function createAppRouter(actions: Actions) {
  return router({ system: systemRouter, ...routerRecordOf(actions) });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
