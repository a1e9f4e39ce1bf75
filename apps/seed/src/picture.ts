import type { Rng } from "./rng";

/**
 * Tiny valid PNGs made in code: a 5×5 mirrored identicon in one colour on a light background.
 * The image data is stored uncompressed (deflate "stored" blocks), so the bytes depend on
 * nothing but the pattern: no zlib version can change them.
 */

const CELL = 4;
const GRID = 5;
const SIZE = (GRID + 2) * CELL;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32be = (value: number) => [
  (value >>> 24) & 255,
  (value >>> 16) & 255,
  (value >>> 8) & 255,
  value & 255,
];

/** length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  out.set(u32be(data.length), 0);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  out.set(u32be(crc32(out.subarray(4, 8 + data.length))), 8 + data.length);
  return out;
}

/** A zlib stream of one stored (uncompressed) deflate block; the image is far below its 65,535-byte limit. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + 5 + raw.length + 4);
  out.set(
    [0x78, 0x01, 1, raw.length & 255, raw.length >>> 8, ~raw.length & 255, (~raw.length >>> 8) & 255],
    0,
  );
  out.set(raw, 7);
  out.set(u32be(adler32(raw)), 7 + raw.length);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The PNG bytes of one identicon drawn from `rng`. */
export function identiconPng(rng: Rng): Uint8Array {
  const hue = rng.int(0, 5);
  const palette: readonly (readonly [number, number, number])[] = [
    [0xc0, 0x39, 0x2b],
    [0x27, 0xae, 0x60],
    [0x29, 0x80, 0xb9],
    [0x8e, 0x44, 0xad],
    [0xd3, 0x54, 0x00],
    [0x16, 0xa0, 0x85],
  ];
  const ink = palette[hue]!;
  const paper = [0xf4, 0xf4, 0xf4] as const;
  const cells: boolean[] = [];
  for (let y = 0; y < GRID; y++) {
    const row = [rng.chance(0.5), rng.chance(0.5), rng.chance(0.5)];
    cells.push(row[0]!, row[1]!, row[2]!, row[1]!, row[0]!);
  }
  const stride = 1 + SIZE * 3;
  const raw = new Uint8Array(SIZE * stride);
  for (let y = 0; y < SIZE; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const cx = Math.floor(x / CELL) - 1;
      const cy = Math.floor(y / CELL) - 1;
      const on = cx >= 0 && cx < GRID && cy >= 0 && cy < GRID && cells[cy * GRID + cx];
      const colour = on ? ink : paper;
      raw.set(colour, y * stride + 1 + x * 3);
    }
  }
  const header = Uint8Array.from([...u32be(SIZE), ...u32be(SIZE), 8, 2, 0, 0, 0]);
  return concat([
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
