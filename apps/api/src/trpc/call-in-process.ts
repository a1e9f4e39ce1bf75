import { AppError } from "@account360/core";
import type { AnyRouter } from "@trpc/server";
import { type AppDeps, type CallerCredentials, createContextInner } from "../context";
import { createCallerFactory, toAppError } from "./init";

type Procedure = (input: unknown) => Promise<unknown>;

/**
 * Calls one procedure of the process's own router through `createCaller`: input validated once by
 * the procedure, roles checked by the same middleware as over HTTP, no client or link built.
 * Throws an AppError.
 */
export function inProcessCaller() {
  const factories = new WeakMap<AnyRouter, ReturnType<typeof createCallerFactory>>();
  return async (
    deps: AppDeps,
    procedurePath: string,
    input: unknown,
    credentials: CallerCredentials,
    requestId: string,
  ): Promise<unknown> => {
    let factory = factories.get(deps.router);
    if (!factory) {
      factory = createCallerFactory(deps.router);
      factories.set(deps.router, factory);
    }
    const caller = factory(createContextInner(deps, credentials, requestId)) as unknown as Record<
      string,
      Record<string, Procedure>
    >;
    const [area, name] = procedurePath.split(".") as [string, string];
    const procedure = caller[area]?.[name];
    if (!procedure) throw new AppError("INTERNAL", `The procedure ${procedurePath} is not in the router.`);
    try {
      return await procedure(input);
    } catch (error) {
      throw toAppError(error);
    }
  };
}
