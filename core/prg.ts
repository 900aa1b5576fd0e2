// The PRG, defined byte-exactly so any language can regenerate every share, triple and mask
// (DESIGN.md, Randomness; docs/arithmetic.md, "The random generator"):
//   root key      K₀      = SHA-256("mpcspec/v1/root"   ‖ u64le(seed))
//   derived key   K(P, L) = SHA-256("mpcspec/v1/derive" ‖ P ‖ utf8(L))      (P a 32-byte key, L a label)
//   words(K, n)           = the first 8n bytes of the ChaCha20 keystream (RFC 8439) under key K,
//                           nonce = 12 zero bytes, initial block counter 0, read as little-endian u64.
// ChaCha20 rather than SHAKE128: OpenSSL gives ≈150–180 M words/s here against ≈33 M for SHAKE128 (the
// dealer draws five words per product), and unlike AES it is a thirty-line function in any language.
import { defineKernel } from './parallel/split-run.ts';
import { allocWords } from './word-pool.ts';
import { createCipheriv, createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { inputError } from './errors.ts';

export const PRG_NAME = 'mpcspec-chacha20-v1';
export const KEY_BYTES = 32;
const MAX_SEED = (1n << 64n) - 1n;

if (endianness() !== 'LE') throw new Error('mpcspec needs a little-endian machine (typed-array word order)');

export type Key = Uint8Array;

export function rootKey(seed: bigint): Key {
  if (seed < 0n || seed > MAX_SEED) throw inputError(`seed: ${seed} is outside [0, 2^64 − 1]`);
  const le = Buffer.alloc(8);
  le.writeBigUInt64LE(seed);
  return createHash('sha256').update('mpcspec/v1/root').update(le).digest();
}

export function deriveKey(parent: Key, label: string): Key {
  return createHash('sha256').update('mpcspec/v1/derive').update(parent).update(label, 'utf8').digest();
}

const CHUNK_BYTES = 1 << 16;
/** Keystream words produced per cipher call: 64 KiB, the size that ran fastest (scratch bench, 4–256 KiB). */
export const KEYSTREAM_CHUNK_WORDS = CHUNK_BYTES / 8;
const zeroChunk = Buffer.alloc(CHUNK_BYTES);

/** A ChaCha20 key as the four little-endian u64 scalars a kernel receives (split-run passes scalars). */
export const keyScalars = (key: Key): bigint[] =>
  Array.from(new BigUint64Array(key.buffer.slice(key.byteOffset, key.byteOffset + KEY_BYTES)));

/**
 * The keystream under the key in `scalars[at…at+3]`, from word `start` (a multiple of 8: one 64-byte
 * ChaCha20 block, so a split run produces the same words as one pass). OpenSSL's chacha20 IV is the 32-bit
 * LE block counter ‖ 96-bit nonce. `next(n)` returns the next n ≤ KEYSTREAM_CHUNK_WORDS words as a view of
 * a buffer the cipher just wrote, valid until the next call: kernels read it while it is still in cache.
 */
export function keystreamReader(
  scalars: readonly bigint[],
  at: number,
  start: number,
): (n: number) => BigUint64Array {
  const key = Buffer.from(new BigUint64Array(scalars.slice(at, at + 4)).buffer);
  const iv = Buffer.alloc(16);
  iv.writeUInt32LE(start / 8, 0);
  const cipher = createCipheriv('chacha20', key, iv);
  return (n) => {
    const bytes = cipher.update(n === KEYSTREAM_CHUNK_WORDS ? zeroChunk : zeroChunk.subarray(0, n * 8));
    // OpenSSL's output is its own allocation (8-aligned); copy if that ever changes.
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
    return new BigUint64Array(aligned.buffer, aligned.byteOffset, n);
  };
}

/** Keystream words [lo, hi) under a key given as four little-endian u64 scalars, lo a multiple of 8. */
const keystream = defineKernel(
  import.meta.url,
  'prg/chacha20',
  (arrays, scalars, lo, hi) => {
    const out = arrays[0]!;
    const next = keystreamReader(scalars, 0, lo);
    for (let off = lo; off < hi; off += KEYSTREAM_CHUNK_WORDS)
      out.set(next(Math.min(KEYSTREAM_CHUNK_WORDS, hi - off)), off);
  },
  // A cipher per chunk costs ≈4 µs to set up (measured) against ≈20 µs per 64 KiB of keystream, so
  // chacha chunks are at least 256 KiB.
  { minChunk: 1 << 15 },
);

/** n uniform 64-bit words: the ChaCha20 keystream under `key`, little-endian. */
export function chachaWords(key: Key, n: number): BigUint64Array {
  const out = allocWords(n, false);
  keystream([out], keyScalars(key), n);
  return out;
}

/** Parse a user-supplied seed: a decimal or 0x-hex integer in [0, 2^64 − 1]. */
export function parseSeed(text: string, where = 'seed'): bigint {
  const t = text.trim();
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(t)) {
    throw inputError(
      `${where}: '${text}' is not an integer; use a decimal or 0x-hex integer in [0, 2^64 − 1]`,
    );
  }
  const v = BigInt(t);
  if (v > MAX_SEED) throw inputError(`${where}: ${text} is larger than 2^64 − 1`);
  return v;
}

export const keyHex = (k: Key): string => Buffer.from(k).toString('hex');
