import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^log2N, block size r, parallelism p. */
export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB and about 0.5–1 s of one core per hash). */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };

/** What `scrypt$<salt>$<hash>` (the format before parameters were stored) was made with: Node's defaults. */
const LEGACY_SCRYPT: ScryptParams = { log2N: 14, r: 8, p: 1 };

/** Stored parameters outside these bounds are refused rather than run (memory is 128·N·r bytes). */
const BOUNDS = { log2N: [10, 20], r: [1, 16], p: [1, 4] } as const;

const KEY_LENGTH = 32;

/**
 * At most this many hashes run at once: each holds 128·N·r bytes (128 MiB at the default) on
 * a libuv thread, so a burst of logins waits here instead of taking the box's memory.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function scryptLimited(password: string, salt: Buffer, length: number, { log2N, r, p }: ScryptParams): Promise<Buffer> {
  while (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    const N = 2 ** log2N;
    // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default maxmem (32 MiB) stops at N = 2^15.
    const options: ScryptOptions = { N, r, p, maxmem: 128 * r * (N + p + 2) };
    return await new Promise<Buffer>((resolve, reject) => scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** scrypt with a random salt; stored as `scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt b64>$<hash b64>`. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptLimited(password, salt, KEY_LENGTH, params);
  return `scrypt$ln=${params.log2N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return undefined;
  let params = LEGACY_SCRYPT;
  let rest = parts.slice(1);
  if (parts.length === 4) {
    const m = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d)$/.exec(parts[1]!);
    if (!m) return undefined;
    params = { log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
    rest = parts.slice(2);
  } else if (parts.length !== 3 || parts[1]!.startsWith('ln=')) return undefined;
  for (const key of ['log2N', 'r', 'p'] as const) {
    const [min, max] = BOUNDS[key];
    if (params[key] < min || params[key] > max) return undefined;
  }
  const [saltB64, hashB64] = rest;
  if (!saltB64 || !hashB64) return undefined;
  const hash = Buffer.from(hashB64, 'base64');
  if (hash.length < 16) return undefined;
  return { params, salt: Buffer.from(saltB64, 'base64'), hash };
}

/** Whether `password` matches `stored`, with the parameters stored in it (or the legacy ones). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await scryptLimited(password, parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(parsed.hash, actual);
}

/** True when `stored` was made with other parameters than `params` (older format included): rehash at the next login. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parse(stored);
  if (!parsed) return false; // not ours to replace: it never verifies anyway
  return parsed.params.log2N !== params.log2N || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

/**
 * The work of one verification, for a username that does not exist: without it, an unknown
 * user would answer in microseconds and a known one in the better part of a second.
 */
export async function spendVerificationTime(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  await scryptLimited(password, randomBytes(16), KEY_LENGTH, params);
}
