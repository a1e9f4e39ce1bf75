import type { z } from "zod";
import { AppError, type AppErrorCode, type FieldError } from "../errors/app-error";
import { assertStorableText } from "./storable-text";
import { closestField, validationError } from "./validation";

type AnySchema = z.core.$ZodType;

/** A batch of 10,000 bad rows would otherwise answer megabytes of field errors: past this many, the rest are counted. */
const MAX_LISTED_FIELD_ERRORS = 500;

/**
 * A 1 MiB body can hold ~100,000 made-up keys; listing each (with its closest known name) took
 * seconds of the event loop and answered ~10 MB, so past this many the rest are only counted.
 */
const MAX_LISTED_UNKNOWN_FIELDS = 50;

/**
 * A zod issue may carry the status its refusal deserves (a picture too large is 413, not 400):
 * `ctx.addIssue({ code: "custom", message, params: { [ISSUE_STATUS]: "PAYLOAD_TOO_LARGE" } })`.
 */
export const ISSUE_STATUS = "appErrorCode";

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
}
const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;

/** The schema behind optional/nullable/default/pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(current);
    const next = def.type === "pipe" ? def.in : def.innerType;
    if (!next || ["object", "array", "union"].includes(def.type)) return current;
    current = next;
  }
  return current;
}

/** The fields of an object schema (through wrappers, and the object member of a union), or null. */
function shapeOf(schema: AnySchema): Record<string, AnySchema> | null {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === "object") return def.shape ?? null;
  if (def.type === "union") {
    for (const option of def.options ?? []) {
      const shape = shapeOf(option);
      if (shape) return shape;
    }
  }
  return null;
}

function elementOf(schema: AnySchema): AnySchema | null {
  const def = defOf(unwrap(schema));
  return def.type === "array" ? (def.element ?? null) : null;
}

/** The known field names of the object at `path` inside `schema` (array indexes pass through). */
function knownFieldsAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let current: AnySchema | null = schema;
  for (const key of path) {
    if (!current) return [];
    current = typeof key === "number" ? elementOf(current) : (shapeOf(current)?.[String(key)] ?? null);
  }
  return current ? Object.keys(shapeOf(current) ?? {}) : [];
}

/** The one wording of the one mistake, whichever door it came through. */
export function unknownFieldMessage(sentKey: string, knownKeys: readonly string[]): string {
  if (knownKeys.length === 0) return `Unknown field ${sentKey}: this action takes no fields.`;
  const near = closestField(sentKey, knownKeys);
  return near
    ? `Unknown field ${sentKey}; did you mean ${near}?`
    : `Unknown field ${sentKey}; the known fields are ${knownKeys.join(", ")}.`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface Canonical {
  value: unknown;
  /** Canonical dotted path → the path as the caller spelled it, for error messages. */
  sentPaths: Map<string, string>;
  unknownFields: FieldError[];
  unlisted: number;
}

/**
 * Renames the input's keys to the schema's spelling, matching them case-insensitively, and lists
 * every key the schema does not know together with the closest known name.
 */
export function canonicalizeKeys(schema: AnySchema, data: unknown): Canonical {
  const result: Canonical = { value: undefined, sentPaths: new Map(), unknownFields: [], unlisted: 0 };
  // The message is only worded for the fields that are listed: the closest-name search is not free.
  const refuse = (field: string, message: () => string) => {
    if (result.unknownFields.length >= MAX_LISTED_UNKNOWN_FIELDS) result.unlisted++;
    else result.unknownFields.push({ field, message: message() });
  };

  const walk = (node: AnySchema, value: unknown, canonicalPath: string, sentPath: string): unknown => {
    if (Array.isArray(value)) {
      const element = elementOf(node);
      if (!element) return value;
      return value.map((item, i) => walk(element, item, join(canonicalPath, i), join(sentPath, i)));
    }
    const shape = shapeOf(node);
    if (!shape || !isPlainObject(value)) return value;
    const known = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
    const out: Record<string, unknown> = {};
    for (const [sentKey, child] of Object.entries(value)) {
      const key = known.get(sentKey.toLowerCase());
      const sentChildPath = join(sentPath, sentKey);
      if (!key) {
        refuse(sentChildPath, () => unknownFieldMessage(sentKey, [...known.values()]));
        continue;
      }
      if (Object.hasOwn(out, key)) {
        refuse(sentChildPath, () => `${sentKey} is given twice (as ${key}).`);
        continue;
      }
      const childPath = join(canonicalPath, key);
      if (childPath !== sentChildPath) result.sentPaths.set(childPath, sentChildPath);
      out[key] = walk(shape[key] as AnySchema, child, childPath, sentChildPath);
    }
    return out;
  };

  result.value = walk(schema, data, "", "");
  return result;
}

const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);

/** Rewrites error paths from the canonical spelling back to the caller's. */
export function toSentPaths(errors: FieldError[], sentPaths: Map<string, string>): FieldError[] {
  if (sentPaths.size === 0) return errors;
  return errors.map((error) => {
    const parts = error.field.split(".");
    for (let cut = parts.length; cut > 0; cut--) {
      const sent = sentPaths.get(parts.slice(0, cut).join("."));
      if (sent) return { ...error, field: [sent, ...parts.slice(cut)].join(".") };
    }
    return error;
  });
}

/**
 * Every problem of a failed parse as `{ field, message }`, the field a dotted path
 * (`CustomerInfo.email`, `rows.3.amount`); an unknown field is reported at its own path with the
 * one wording of unknownFieldMessage. An issue's ISSUE_STATUS param is collected into `codes`.
 */
function fieldErrorsOf(
  schema: AnySchema,
  error: z.core.$ZodError,
): { errors: FieldError[]; codes: AppErrorCode[] } {
  const errors: FieldError[] = [];
  const codes: AppErrorCode[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const known = knownFieldsAt(schema, issue.path);
      for (const key of issue.keys) {
        errors.push({ field: join(path, key), message: unknownFieldMessage(key, known) });
        codes.push("BAD_REQUEST");
      }
      continue;
    }
    errors.push({ field: path, message: issue.message });
    const status = issue.code === "custom" ? issue.params?.[ISSUE_STATUS] : undefined;
    codes.push((status as AppErrorCode | undefined) ?? "BAD_REQUEST");
  }
  return { errors, codes };
}

/** 400, or the special status (413, 415) the issues asked for when they all agree on it. */
function refusal(errors: FieldError[], codes: AppErrorCode[], unlistedUnknown: number): AppError {
  const total = errors.length + unlistedUnknown;
  const listed =
    errors.length > MAX_LISTED_FIELD_ERRORS ? errors.slice(0, MAX_LISTED_FIELD_ERRORS - 1) : [...errors];
  const more = errors.length - listed.length;
  if (more > 0) {
    listed.push({
      field: "",
      message: `${more} more invalid field${more === 1 ? " is" : "s are"} not listed.`,
    });
  }
  if (unlistedUnknown > 0) {
    const plural = unlistedUnknown === 1 ? " is" : "s are";
    listed.push({ field: "", message: `${unlistedUnknown} more unknown field${plural} not listed.` });
  }
  const single = validationError(listed);
  const message =
    total === 1
      ? single.message
      : `${total} fields are invalid: ${single.message.replace(/^\d+ fields are invalid: /, "")}`;
  const code =
    codes.length > 0 && codes.every((c) => c === codes[0]) ? (codes[0] as AppErrorCode) : "BAD_REQUEST";
  return new AppError(code, message, listed);
}

const nullable = new WeakMap<AnySchema, boolean>();
function acceptsNull(schema: AnySchema): boolean {
  let known = nullable.get(schema);
  if (known === undefined) {
    known = (schema as unknown as z.ZodType).safeParse(null).success;
    nullable.set(schema, known);
  }
  return known;
}

/**
 * The one place an action's input is validated, at the edge, for every door: NUL and half
 * surrogates refused, keys matched to the schema's spelling case-insensitively, unknown and
 * invalid fields reported together (each at the path the caller spelled), the parsed value
 * answered. Null or absent input counts as `{}` for an object schema (as null where null is
 * accepted: the lifecycle's every-customer form), so a missing
 * customerInternalId is reported by name rather than as "expected an object".
 */
export function parseInput<S extends AnySchema>(schema: S, raw: unknown): z.output<S> {
  const input = raw === undefined || raw === null ? (acceptsNull(schema) ? null : {}) : raw;
  const canonical = canonicalizeKeys(schema, input);
  const parsed = (schema as unknown as z.ZodType).safeParse(canonical.value);
  if (parsed.success && canonical.unknownFields.length === 0) {
    // What no field rule refused may still be unstorable (a NUL inside free JSON): refused here too.
    assertStorableText(raw, "");
    return parsed.data as z.output<S>;
  }
  const invalid = parsed.success ? { errors: [], codes: [] } : fieldErrorsOf(schema, parsed.error);
  const errors = toSentPaths([...canonical.unknownFields, ...invalid.errors], canonical.sentPaths);
  const codes = [...canonical.unknownFields.map((): AppErrorCode => "BAD_REQUEST"), ...invalid.codes];
  throw refusal(errors, codes, canonical.unlisted);
}
