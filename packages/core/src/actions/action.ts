import type { z } from "zod";
import type { Sources } from "../ports/sources";
import type { Settings } from "../settings";

/** Which role a caller needs: `reader` for read, `writer` for write, `admin` for admin (admin may do all). */
export type Access = "read" | "write" | "admin";

/** Who is calling, as the transport authenticated them. */
export interface Actor {
  userName: string;
}

/** What every use case is given besides its parsed input. */
export interface ActionContext {
  sources: Sources;
  actor: Actor;
  /** "Now"; today is its UTC date. Injected so tests control it. */
  now: Date;
  settings: Settings;
}

type AnySchema = z.ZodType;

/**
 * One action, declared once: every door (tRPC, callAction, the per-action endpoints, OpenAPI,
 * the fuzzers) is derived from this.
 */
export type ActionKind = "query" | "mutation";

export interface Action<
  I extends AnySchema = AnySchema,
  O extends AnySchema = AnySchema,
  K extends ActionKind = ActionKind,
  P extends `${string}.${string}` = `${string}.${string}`,
> {
  /** The callAction ActionName (FintechOS's, or Account360's own in the same style). */
  name: string;
  /** Older names that still run this action, answered with a Deprecation header. */
  legacyNames: readonly string[];
  /** The tRPC procedure, `<area>.<verb>`. */
  procedure: P;
  /** tRPC query (reads, GET-able) or mutation (writes). */
  kind: K;
  access: Access;
  /** Groups actions in the OpenAPI document and the docs. */
  tag: "Customers" | "Widgets" | "Ingest" | "Audit" | "Events" | "Privacy";
  /** What the action computes or writes, for messages and documentation: "Account header". */
  title: string;
  /** One sentence for the reference documentation. */
  summary: string;
  /** The shape of `Data` (callAction) and of the tRPC input. */
  input: I;
  output: O;
  /** The success `Message` of the envelope. */
  message(output: z.output<O>): string;
  run(ctx: ActionContext, input: z.output<I>): Promise<z.input<O>>;
}

export type AnyAction = Action<AnySchema, AnySchema, ActionKind, `${string}.${string}`>;

type Declared<
  I extends AnySchema,
  O extends AnySchema,
  K extends ActionKind,
  P extends `${string}.${string}`,
> = Omit<Action<I, O, K, P>, "legacyNames" | "message"> & {
  legacyNames?: readonly string[];
  /** Defaults to `<title> computed` for queries. */
  message?: (output: z.output<O>) => string;
};

/** Declares an action; its kind and procedure path stay literal in the type, so the tRPC router is typed from it. */
export function defineAction<
  I extends AnySchema,
  O extends AnySchema,
  const K extends ActionKind,
  const P extends `${string}.${string}`,
>(declared: Declared<I, O, K, P>): Action<I, O, K, P> {
  return {
    ...declared,
    legacyNames: declared.legacyNames ?? [],
    message: declared.message ?? (() => `${declared.title} computed`),
  };
}

/** A widget of the customer page (CONTRACT §5): a query for the reader role, documented under Widgets. */
export function defineWidget<I extends AnySchema, O extends AnySchema, const P extends `${string}.${string}`>(
  declared: Omit<Declared<I, O, "query", P>, "kind" | "access" | "tag">,
): Action<I, O, "query", P> {
  return defineAction({ ...declared, kind: "query", access: "read", tag: "Widgets" });
}

/** The success message of a write: "Customer created", "Address unchanged". */
export const writeMessage =
  (label: string) =>
  (output: { operation: string }): string =>
    `${label} ${output.operation}`;
