import documented from "./openapi-examples.json" with { type: "json" };

interface OpenApiExample {
  summary: string;
  value: unknown;
}

type Examples = Record<string, OpenApiExample>;

const byAction = documented as Record<string, { data: unknown; answer: unknown }[]>;

/**
 * The examples of docs/callaction.md (extracted by `pnpm openapi:examples`, kept in step by a
 * test), as OpenAPI `examples` of an action's request body and of its answer.
 */
export function documentedExamples(actionName: string): { request: Examples; answer: Examples } | null {
  const examples = byAction[actionName];
  if (!examples?.length) return null;
  const named = (pick: (example: { data: unknown; answer: unknown }) => unknown) =>
    Object.fromEntries(
      examples.map((example, i) => [
        i === 0 ? "documented" : `documented${i + 1}`,
        {
          summary: example.data === null ? "Without parameters" : "As in the callAction guide",
          value: pick(example),
        },
      ]),
    );
  return { request: named((example) => example.data), answer: named((example) => example.answer) };
}
