import { z } from "zod";

interface OpenApiDocument {
  components: { schemas: Record<string, unknown> };
}

/**
 * A validator read from the served OpenAPI document alone: the named component schema, with the
 * document's other components as its definitions. A payload is judged by what the document says
 * an integrator may send or receive, not by the zod schema the document was generated from.
 */
export function documentJudge(doc: OpenApiDocument) {
  // JSON Schema resolves `#/$defs/…` inside one schema; the document says `#/components/schemas/…`.
  const defs = JSON.parse(
    JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
  ) as Record<string, unknown>;
  return (component: string): z.ZodType => {
    if (!(component in defs)) throw new Error(`The document has no schema ${component}`);
    return z.fromJSONSchema({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $ref: `#/$defs/${component}`,
      $defs: defs,
    } as z.core.JSONSchema.JSONSchema);
  };
}
