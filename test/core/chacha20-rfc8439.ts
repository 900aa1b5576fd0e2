// An independent ChaCha20 block function written from RFC 8439 §2.1–2.3, used only by the tests to
// check the PRG (core/prg.ts, which uses OpenSSL's ChaCha20 through node:crypto).
const rotl = (v: number, c: number): number => ((v << c) | (v >>> (32 - c))) >>> 0;

function quarterRound(s: Uint32Array, a: number, b: number, c: number, d: number): void {
  s[a] = (s[a]! + s[b]!) >>> 0;
  s[d] = rotl(s[d]! ^ s[a]!, 16);
  s[c] = (s[c]! + s[d]!) >>> 0;
  s[b] = rotl(s[b]! ^ s[c]!, 12);
  s[a] = (s[a]! + s[b]!) >>> 0;
  s[d] = rotl(s[d]! ^ s[a]!, 8);
  s[c] = (s[c]! + s[d]!) >>> 0;
  s[b] = rotl(s[b]! ^ s[c]!, 7);
}

/** One 64-byte keystream block for a 32-byte key, a 32-bit counter and a 12-byte nonce. */
export function chachaBlock(key: Uint8Array, counter: number, nonce: Uint8Array): Uint8Array {
  const kv = new DataView(key.buffer, key.byteOffset, 32);
  const nv = new DataView(nonce.buffer, nonce.byteOffset, 12);
  const init = new Uint32Array(16);
  init.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  for (let i = 0; i < 8; i++) init[4 + i] = kv.getUint32(4 * i, true);
  init[12] = counter >>> 0;
  for (let i = 0; i < 3; i++) init[13 + i] = nv.getUint32(4 * i, true);
  const s = new Uint32Array(init);
  for (let r = 0; r < 10; r++) {
    quarterRound(s, 0, 4, 8, 12);
    quarterRound(s, 1, 5, 9, 13);
    quarterRound(s, 2, 6, 10, 14);
    quarterRound(s, 3, 7, 11, 15);
    quarterRound(s, 0, 5, 10, 15);
    quarterRound(s, 1, 6, 11, 12);
    quarterRound(s, 2, 7, 8, 13);
    quarterRound(s, 3, 4, 9, 14);
  }
  const out = new Uint8Array(64);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 16; i++) ov.setUint32(4 * i, (s[i]! + init[i]!) >>> 0, true);
  return out;
}

/** The keystream under a zero nonce from counter 0, `bytes` long. */
export function chachaStream(key: Uint8Array, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const zero = new Uint8Array(12);
  for (let b = 0; b * 64 < bytes; b++)
    out.set(chachaBlock(key, b, zero).subarray(0, Math.min(64, bytes - b * 64)), b * 64);
  return out;
}
