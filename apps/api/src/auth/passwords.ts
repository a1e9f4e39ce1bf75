import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt with N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per guess on a server core, the
 * memory cost being what makes GPU and ASIC guessing expensive.
 */
export interface ScryptParams {
  /** log2 of N */
  ln: number;
  r: number;
  p: number;
}

const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 1024;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r * params.p };
  return new Promise((resolve, reject) => {
    // NFC so the same password typed on two keyboards or terminals hashes the same.
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (bytes: Buffer) => bytes.toString("base64").replace(/=+$/, "");

/** PHC string format: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, so parameters can change later. */
function encode(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

interface Decoded {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const phc = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function decode(encoded: string): Decoded | null {
  const match = phc.exec(encoded);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  // Bounds keep a corrupt stored value from asking for gigabytes of memory.
  if (params.ln < 10 || params.ln > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16)
    return null;
  return { params, salt: Buffer.from(salt ?? "", "base64"), key: Buffer.from(key ?? "", "base64") };
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(params, salt, await derive(password, salt, params));
}

/**
 * Verified against when the user does not exist or its stored hash is unreadable, so every
 * failed login spends the same scrypt work and timing does not tell which usernames exist.
 */
const DUMMY: Decoded = {
  params: DEFAULT_SCRYPT_PARAMS,
  salt: Buffer.alloc(SALT_BYTES, 0x5a),
  key: Buffer.alloc(KEY_BYTES, 0xa5),
};

/** Checks the password in constant time; a missing or malformed hash costs the same and fails. */
export async function verifyPassword(password: string, encoded: string | null): Promise<boolean> {
  const decoded = encoded === null ? null : decode(encoded);
  const target = decoded && decoded.key.length > 0 ? decoded : DUMMY;
  const key = await derive(password, target.salt, target.params);
  const same = key.length === target.key.length && timingSafeEqual(key, target.key);
  return same && target !== DUMMY;
}

/** True when the stored hash was made with other parameters than today's and should be redone. */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const decoded = decode(encoded);
  return (
    !decoded ||
    decoded.params.ln !== params.ln ||
    decoded.params.r !== params.r ||
    decoded.params.p !== params.p ||
    decoded.key.length !== KEY_BYTES
  );
}

/** What a password must satisfy to be set; null when it does. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `the password must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `the password must have at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === "") return "the password must not be blank";
  return null;
}
