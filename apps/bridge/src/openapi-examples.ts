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

/**
 * callAction's own example: the guide's first documented call of `action`, its parameters in the
 * envelope as the guide sends them (Data a JSON string) and its answer in the success envelope.
 */
export function documentedEnvelope(
  action: { name: string; message(output: never): string },
  requestId: string,
): { request: unknown; answer: unknown } | null {
  const example = byAction[action.name]?.[0];
  if (!example) return null;
  const message = action.message(example.answer as never);
  return {
    request: {
      Request: { ActionName: action.name, Data: JSON.stringify(example.data) },
      ApiInfo: { UserName: "teller", Token: "<access_token>" },
    },
    answer: {
      IsSuccess: true,
      Message: message,
      ErrorCode: 0,
      RequestId: requestId,
      UIResult: { IsSuccess: true, Message: message, Data: example.answer, Errors: [] },
    },
  };
}
