import type { z } from "zod";
import type { WriteStore } from "../ports/write-store";
import { type Action, type Actor, defineAction, writeMessage } from "./action";

/**
 * A write action of CONTRACT §4 and §8: a mutation for the writer role, documented under
 * Customers, whose message says what became of the record ("Address created") and whose use
 * case writes through the write store.
 */
export function defineWriteAction<
  I extends z.ZodType,
  O extends z.ZodType<{ operation: string }>,
  const P extends `${string}.${string}`,
>(declared: {
  name: string;
  legacyNames?: readonly string[];
  procedure: P;
  /** The record written, for the message: "Address". */
  title: string;
  summary: string;
  input: I;
  output: O;
  upsert: (store: WriteStore, actor: Actor, input: z.output<I>) => Promise<z.input<O>>;
}): Action<I, O, "mutation", P> {
  const { upsert, ...action } = declared;
  return defineAction({
    ...action,
    kind: "mutation",
    access: "write",
    tag: "Customers",
    message: writeMessage(declared.title),
    run: ({ sources, actor }, input) => upsert(sources.writes, actor, input),
  });
}
