/**
 * The seeded randomness behind every generated value. Each customer (and each of its tables)
 * draws from its own stream keyed by (seed, stream, index), so a customer's data does not depend
 * on how many customers come before it or how the run is chunked.
 */

/** 32-bit avalanche (murmur3's finaliser): nearby keys give unrelated seeds. */
function fmix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Mixes any number of 32-bit words into one. */
function mixKey(...words: number[]): number {
  let h = 0x9e3779b9;
  for (const word of words) h = fmix(Math.imul(h ^ fmix(word >>> 0), 0x27d4eb2f) + 0x165667b1);
  return h >>> 0;
}

/** Stream names: a fixed number per purpose, so adding a stream never shifts another's values. */
export const STREAM = {
  customerId: 1,
  profile: 2,
  holdings: 4,
  activity: 5,
  transactions: 6,
  picture: 7,
  /** The bench's long-history customers (history.ts). */
  history: 8,
} as const;

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128 bits of state, passes PractRand, and is a
 * handful of integer operations per draw, which the million-row transaction loop needs.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: number) {
    this.a = fmix(key ^ 0xa5a5a5a5);
    this.b = fmix(key + 0x3c6ef372);
    this.c = fmix(key ^ 0x1b873593);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  static of(seed: number, stream: number, index: number, sub = 0): Rng {
    return new Rng(mixKey(seed, stream, index, sub));
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t;
    this.c |= 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `choices` with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let x = this.next() * total;
    for (const [value, weight] of choices) {
      x -= weight;
      if (x < 0) return value;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }

  /** A version-4 UUID whose 122 free bits come from this stream (never from crypto). */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    return uuidText(a, ((b & 0xffff0fff) | 0x4000) >>> 0, ((c & 0x3fffffff) | 0x80000000) >>> 0, d);
  }
}

/** 128 bits as four 32-bit words, written as a UUID (8-4-4-4-12 lower-case hex). */
export function uuidText(w0: number, w1: number, w2: number, w3: number): string {
  return (
    HEX[w0 >>> 24]! +
    HEX[(w0 >>> 16) & 255]! +
    HEX[(w0 >>> 8) & 255]! +
    HEX[w0 & 255]! +
    "-" +
    HEX[w1 >>> 24]! +
    HEX[(w1 >>> 16) & 255]! +
    "-" +
    HEX[(w1 >>> 8) & 255]! +
    HEX[w1 & 255]! +
    "-" +
    HEX[w2 >>> 24]! +
    HEX[(w2 >>> 16) & 255]! +
    "-" +
    HEX[(w2 >>> 8) & 255]! +
    HEX[w2 & 255]! +
    HEX[w3 >>> 24]! +
    HEX[(w3 >>> 16) & 255]! +
    HEX[(w3 >>> 8) & 255]! +
    HEX[w3 & 255]!
  );
}

/** 16 bits naming the run (from the seed) at the front of every id. */
export const runPrefixOf = (seed: number): number => mixKey(seed, 0x72756e) & 0xffff;

/**
 * Ids in UUIDv7 layout with the run, the customer, the table and a sequence number where v7 has
 * its timestamp, then 54 bits from the stream: unique by construction within a run, ordered
 * as they are generated (so the primary-key and customer indexes are appended to, not
 * scattered into, which PostgreSQL loads several times faster), and apart between runs.
 *
 *   run:16 | customer:24 | table:8 | version 7:4 | seq high:12 | variant 10:2 | seq low:8 | random:54
 */
export class IdSequence {
  private seq = 0;
  private readonly w0: number;
  private readonly w1Base: number;

  constructor(
    run: number,
    index: number,
    table: number,
    private readonly rng: Rng,
  ) {
    this.w0 = ((run << 16) | (index >>> 8)) >>> 0;
    this.w1Base = (((index & 0xff) << 24) | (table << 16) | 0x7000) >>> 0;
  }

  /** The next id's four words into `out` at `offset` (the transaction loop keeps them in a typed array). */
  nextWords(out: Uint32Array, offset: number): void {
    const seq = this.seq++;
    out[offset] = this.w0;
    out[offset + 1] = (this.w1Base | (seq >>> 8)) >>> 0;
    out[offset + 2] = (0x80000000 | ((seq & 0xff) << 22) | (this.rng.u32() & 0x3fffff)) >>> 0;
    out[offset + 3] = this.rng.u32();
  }

  next(): string {
    const words = new Uint32Array(4);
    this.nextWords(words, 0);
    return uuidText(words[0]!, words[1]!, words[2]!, words[3]!);
  }
}

/** The id of customer `index` of a run: computable without generating the customer. */
export function customerIdOf(seed: number, index: number): string {
  return new IdSequence(runPrefixOf(seed), index, 0, Rng.of(seed, STREAM.customerId, index)).next();
}
