import fc from "fast-check";
import type { z } from "zod";

/**
 * Arbitraries for fuzzing the callAction bridge: hostile values, bodies assembled as text (so
 * `__proto__` keys, 5,000-deep nesting and invalid UTF-8 reach the server byte for byte).
 */

/** A piece of JSON text inserted verbatim where a value goes. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object with these own keys, `__proto__` included (a literal would set the prototype instead). */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** JSON.stringify that writes RawJson values verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? "null").replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)] ?? "null");
}

/** U+E000 in a string value becomes one of these invalid UTF-8 sequences in the body's bytes. */
const INVALID_UTF8_MARK = "\ue000";
const MARK_BYTES = Buffer.from(INVALID_UTF8_MARK, "utf8");
const invalidSequences = [
  [0xff],
  [0xc0, 0xaf], // overlong "/"
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded as UTF-8
  [0xf8, 0x88, 0x80, 0x80, 0x80], // five-byte form
  [0xe2, 0x82], // truncated
  [0x80],
];

/** The body's bytes, with every U+E000 replaced by an invalid UTF-8 sequence (chosen by `seed`). */
export function toBodyBytes(text: string, seed: number): Buffer {
  const bytes = Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  let from = 0;
  let n = seed;
  for (let at = bytes.indexOf(MARK_BYTES); at >= 0; at = bytes.indexOf(MARK_BYTES, from)) {
    parts.push(
      bytes.subarray(from, at),
      Buffer.from(invalidSequences[n++ % invalidSequences.length] ?? [0xff]),
    );
    from = at + MARK_BYTES.length;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

const deep = (depth: number, kind: "object" | "array", key: string) =>
  new RawJson(
    kind === "object"
      ? `${`{"${key}":`.repeat(depth)}1${"}".repeat(depth)}`
      : `${"[".repeat(depth)}1${"]".repeat(depth)}`,
  );

export const nastyKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"),
  fc.constantFrom("", " ", "\u0000", "a.b", "0", "CUSTOMERINFO", "customerinfo", "Data", INVALID_UTF8_MARK),
  fc.string({ maxLength: 20 }),
);

/** Values an integrator (or an attacker) might send where a field goes. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, 1.2345678901234568e29),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\ud800", "\udfff\ud800", "\u202e", "\ufeff", "\r\n", "\t"),
  fc.constantFrom("NaN", "Infinity", "1e400", "-5", "0x10", "12.345", "1,5", "١٢٣", "0012", "+40712345678"),
  fc.constantFrom("' or 1=1 --", "'; drop table customers; --", "$1", "\\", "%00", "../../etc/passwd"),
  fc.constantFrom(
    "<script>alert(1)</script>",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as is
    "${7*7}",
    "{{7*7}}",
    INVALID_UTF8_MARK,
    `x${INVALID_UTF8_MARK}y`,
  ),
  fc.constantFrom("2024-02-30", "9999-12-31", "0000-01-01", "2024-01-01T25:00:00Z", "not-a-date"),
  fc.constantFrom(
    "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.integer({ min: 101, max: 300_000 }).map((n) => "x".repeat(n)),
  fc
    .tuple(
      fc.integer({ min: 50, max: 5_000 }),
      fc.constantFrom("object" as const, "array" as const),
      nastyKey,
    )
    .map(([depth, kind, key]) => deep(depth, kind, JSON.stringify(key).slice(1, -1))),
  fc.tuple(nastyKey, fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => objectOf([[k, v]])),
);

/** One nested schema level: the object's fields and, for sections, the schema below. */
function shapeOf(schema: z.core.$ZodType | null): Record<string, z.core.$ZodType> | null {
  let current: z.core.$ZodType | undefined = schema ?? undefined;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      in?: z.core.$ZodType;
      shape?: Record<string, z.core.$ZodType>;
    };
    if (def.type === "object") return def.shape ?? null;
    current = def.type === "pipe" ? def.in : def.innerType;
  }
  return null;
}

/** Field paths of a Data schema, sections first (`CustomerInfo`, `CustomerInfo.email`, …). */
export function fieldPaths(schema: z.core.$ZodType | null, prefix = ""): string[] {
  const shape = shapeOf(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(child, path)];
  });
}

export type Mutation =
  | { kind: "set"; path: string; value: unknown }
  | { kind: "delete"; path: string }
  | { kind: "recase"; path: string; upper: boolean }
  | { kind: "add"; path: string; key: string; value: unknown };

/** 1–3 changes of a valid Data object at its known paths (or under them). */
export const mutationsFor = (paths: string[]): fc.Arbitrary<Mutation[]> =>
  fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant("set" as const),
          path: fc.constantFrom(...paths),
          value: nastyValue,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...paths) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("recase" as const),
          path: fc.constantFrom(...paths),
          upper: fc.boolean(),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant("add" as const),
          path: fc.constantFrom("", ...paths),
          key: nastyKey,
          value: nastyValue,
        }),
      },
    ),
    { minLength: 1, maxLength: 3 },
  );

/** Applies mutations to a deep copy of `data` (paths that no longer lead to an object are skipped). */
export function mutate(data: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const m of mutations) {
    const parts = m.path === "" ? [] : m.path.split(".");
    const last = m.kind === "add" ? undefined : parts.pop();
    let node: unknown = copy;
    for (const part of parts) node = isPlainObject(node) ? node[part] : undefined;
    if (!isPlainObject(node)) continue;
    if (m.kind === "add")
      Object.defineProperty(node, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else if (last === undefined) continue;
    else if (m.kind === "set") node[last] = m.value;
    else if (m.kind === "delete") delete node[last];
    else if (Object.hasOwn(node, last)) {
      const value = node[last];
      delete node[last];
      node[m.upper ? last.toUpperCase() : last.toLowerCase()] = value;
    }
  }
  return copy;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof RawJson);

/** The same name in a random letter case, sometimes padded with spaces. */
export const recased = (name: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }), fc.boolean())
    .map(([flags, pad]) => {
      const cased = [...name].map((c, i) => (flags[i] ? c.toUpperCase() : c.toLowerCase())).join("");
      return pad ? ` ${cased} ` : cased;
    });

/** Tallies of what the fuzzer saw, printed for the report. */
export class Tally {
  readonly byStatus = new Map<number, number>();
  cases = 0;
  record(status: number): void {
    this.cases++;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }
  toString(): string {
    const statuses = [...this.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
    return `${this.cases} cases (${statuses.join(" ")})`;
  }
}
