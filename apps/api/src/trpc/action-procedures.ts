import { type ActionContext, type AnyAction, parseInput } from "@account360/core";
import type { z } from "zod";
import type { Context } from "../context";
import { procedureFor } from "./init";

/**
 * An action's input schema as tRPC's parser: the core's one edge validation (keys matched
 * case-insensitively, every invalid field named at once), typed for clients by the schema.
 */
function edgeParser<S extends z.ZodType>(schema: S) {
  return {
    _input: undefined as unknown as z.input<S>,
    _output: undefined as unknown as z.output<S>,
    parse: (raw: unknown): z.output<S> => parseInput(schema, raw),
  };
}

/** What a use case is given, from the request's context (built by the procedure's auth middleware). */
function actionContextOf(ctx: Context & { actor: { userName: string } }): ActionContext {
  const { sources, now, settings } = ctx.deps;
  return { sources, actor: ctx.actor, now: now(), settings };
}

const builderOf = <A extends AnyAction>(action: A) =>
  procedureFor[action.access]
    .input(edgeParser(action.input as A["input"]))
    .output(action.output as A["output"]);

function queryOf<A extends AnyAction>(action: A) {
  return builderOf(action).query(({ ctx, input }) => action.run(actionContextOf(ctx), input) as never);
}

function mutationOf<A extends AnyAction>(action: A) {
  return builderOf(action).mutation(({ ctx, input }) => action.run(actionContextOf(ctx), input) as never);
}

/** The tRPC procedure an action becomes: a query for reads, a mutation for writes. */
type ProcedureOf<A extends AnyAction> = A["kind"] extends "query"
  ? ReturnType<typeof queryOf<A>>
  : ReturnType<typeof mutationOf<A>>;

type AreaOf<P> = P extends `${infer Area}.${string}` ? Area : never;
type NameIn<P, Area extends string> = P extends `${Area}.${infer Name}` ? Name : never;
type ByProcedure<R extends Record<string, AnyAction>> = { [K in keyof R as R[K]["procedure"]]: R[K] };

/** `{ widgets: { header: …, flags: … }, customers: { … } }` from the actions' procedure paths. */
export type RouterRecordOf<R extends Record<string, AnyAction>> = {
  [Area in AreaOf<keyof ByProcedure<R>>]: {
    [P in keyof ByProcedure<R> as NameIn<P, Area>]: ProcedureOf<ByProcedure<R>[P] & AnyAction>;
  };
};

/** Every action as a procedure, nested by its path. */
export function routerRecordOf<R extends Record<string, AnyAction>>(actions: R): RouterRecordOf<R> {
  const areas: Record<string, Record<string, unknown>> = {};
  for (const action of Object.values(actions)) {
    const [area, name] = action.procedure.split(".") as [string, string];
    areas[area] ??= {};
    areas[area][name] = action.kind === "query" ? queryOf(action) : mutationOf(action);
  }
  return areas as RouterRecordOf<R>;
}
