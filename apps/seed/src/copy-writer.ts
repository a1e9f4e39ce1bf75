/**
 * COPY text written straight into byte buffers. Building a million rows as JS strings first
 * left the collector with more work than the generation itself; here the only garbage is the
 * filled buffers, handed to the socket (or a PGlite blob) and dropped.
 */

const HEX_BYTES = (() => {
  const table = new Uint8Array(512);
  const digits = "0123456789abcdef";
  for (let i = 0; i < 256; i++) {
    table[i * 2] = digits.charCodeAt(i >>> 4);
    table[i * 2 + 1] = digits.charCodeAt(i & 15);
  }
  return table;
})();

const TAB = 9;
const NEWLINE = 10;

export class CopyWriter {
  private buffer: Buffer;
  private position = 0;
  private readonly filled: Buffer[] = [];
  private filledBytes = 0;

  constructor(private readonly chunkBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.filledBytes + this.position;
  }

  /** Room for `bytes` more in the current buffer (rows never straddle two buffers). */
  reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    this.seal();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(bytes, this.chunkBytes));
  }

  private seal(): void {
    if (this.position === 0) return;
    this.filled.push(this.buffer.subarray(0, this.position));
    this.filledBytes += this.position;
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.position = 0;
  }

  /** Everything written so far, as buffers the writer no longer touches. */
  take(): Buffer[] {
    this.seal();
    const taken = this.filled.splice(0);
    this.filledBytes = 0;
    return taken;
  }

  /** ASCII text known to need no escaping (codes, digits, fixed vocabularies). Call reserve first. */
  ascii(text: string): void {
    const buffer = this.buffer;
    let p = this.position;
    for (let i = 0; i < text.length; i++) buffer[p++] = text.charCodeAt(i);
    this.position = p;
  }

  /** Any text, as UTF-8 (one native encode: the fastest way for mixed, non-ASCII text). */
  text(text: string): void {
    this.reserve(text.length * 3);
    this.position += this.buffer.write(text, this.position, "utf8");
  }

  /** Bytes prepared once (a vocabulary entry with its tab). Call reserve first. */
  bytes(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  tab(): void {
    this.buffer[this.position++] = TAB;
  }

  newline(): void {
    this.buffer[this.position++] = NEWLINE;
  }

  /** A 32-bit word as 8 hex digits. Call reserve first. */
  hex32(word: number): void {
    const buffer = this.buffer;
    const p = this.position;
    for (let shift = 24, i = 0; shift >= 0; shift -= 8, i += 2) {
      const byte = (word >>> shift) & 255;
      buffer[p + i] = HEX_BYTES[byte * 2]!;
      buffer[p + i + 1] = HEX_BYTES[byte * 2 + 1]!;
    }
    this.position = p + 8;
  }

  /** 16 bits as 4 hex digits. Call reserve first. */
  hex16(half: number): void {
    const buffer = this.buffer;
    const p = this.position;
    buffer[p] = HEX_BYTES[((half >>> 8) & 255) * 2]!;
    buffer[p + 1] = HEX_BYTES[((half >>> 8) & 255) * 2 + 1]!;
    buffer[p + 2] = HEX_BYTES[(half & 255) * 2]!;
    buffer[p + 3] = HEX_BYTES[(half & 255) * 2 + 1]!;
    this.position = p + 4;
  }

  /** Four words as a UUID, exactly as uuidText writes them. Call reserve first. */
  uuid(w0: number, w1: number, w2: number, w3: number): void {
    this.hex32(w0);
    this.buffer[this.position++] = 45;
    this.hex16(w1 >>> 16);
    this.buffer[this.position++] = 45;
    this.hex16(w1 & 0xffff);
    this.buffer[this.position++] = 45;
    this.hex16(w2 >>> 16);
    this.buffer[this.position++] = 45;
    this.hex16(w2 & 0xffff);
    this.hex32(w3);
  }

  /** A non-negative whole number in decimal. Call reserve first. */
  uint(value: number): void {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let p = this.position + digits;
    this.position = p;
    let rest = value;
    do {
      const next = Math.floor(rest / 10);
      this.buffer[--p] = 48 + (rest - next * 10);
      rest = next;
    } while (rest > 0);
  }

  /** Minor units as a decimal with two fractional digits ("1234.50"), like centsText. Call reserve first. */
  cents(value: number): void {
    const whole = Math.floor(value / 100);
    const fraction = value - whole * 100;
    this.uint(whole);
    this.buffer[this.position++] = 46;
    this.buffer[this.position++] = 48 + Math.floor(fraction / 10);
    this.buffer[this.position++] = 48 + (fraction % 10);
  }
}
