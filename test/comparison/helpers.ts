// Test helpers for the comparison family: share cleartext BigInt values among n parties (the shares
// come from a fixed ChaCha key, so runs replay), run a per-party body, recombine, and independent
// BigInt models of the expected results (never the code under test).
import { type BitTensor, bitTensor } from '../../core/bits.ts';
import { deriveKey, rootKey, chachaWords } from '../../core/prg.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { type RunResult, runParties } from '../../runtime/run.ts';

/** Additive shares of `values` mod 2^ℓ (uniform but for the last). */
export function arithmeticShares(
  ell: number,
  values: readonly bigint[],
  parties: number,
  tag = 'x',
): RingTensor[] {
  const m = ringMask(ell);
  const n = values.length;
  const last = BigUint64Array.from(values, (v) => v & m);
  const shares: RingTensor[] = [];
  for (let p = 0; p < parties - 1; p++) {
    const r = chachaWords(deriveKey(rootKey(77n), `${tag}/${ell}/${p}`), n).map((w) => w & m);
    for (let i = 0; i < n; i++) last[i] = (last[i]! - r[i]!) & m;
    shares.push(ringTensor(ell, [n], r));
  }
  shares.push(ringTensor(ell, [n], last));
  return shares;
}

/** XOR shares of `values` as `width`-bit words. */
export function xorShares(width: number, values: readonly bigint[], parties: number, tag = 'b'): BitTensor[] {
  const m = ringMask(width);
  const n = values.length;
  const last = BigUint64Array.from(values, (v) => v & m);
  const shares: BitTensor[] = [];
  for (let p = 0; p < parties - 1; p++) {
    const r = chachaWords(deriveKey(rootKey(78n), `${tag}/${width}/${p}`), n).map((w) => w & m);
    for (let i = 0; i < n; i++) last[i] = last[i]! ^ r[i]!;
    shares.push(bitTensor(width, [n], r));
  }
  shares.push(bitTensor(width, [n], last));
  return shares;
}

export const sumShares = (ell: number, outs: readonly RingTensor[]): bigint[] =>
  Array.from(outs[0]!.data, (_, i) => outs.reduce((acc, o) => acc + o.data[i]!, 0n) & ringMask(ell));

export const xorOf = (outs: readonly BitTensor[]): bigint[] =>
  Array.from(outs[0]!.data, (_, i) => outs.reduce((acc, o) => acc ^ o.data[i]!, 0n));

export async function run<T>(
  parties: number,
  body: (ctx: PartyContext, party: number) => Promise<T>,
  seed = 11n,
): Promise<RunResult<T>> {
  return runParties({ parties, seed }, body);
}

/** The boundary values of Z_2^ℓ (as unsigned representatives): 0, ±1, −2^(ℓ−1), 2^(ℓ−1) − 1, ±2. */
export function ringEdgeValues(ell: number): bigint[] {
  const m = ringMask(ell);
  const half = 1n << BigInt(ell - 1);
  return [0n, 1n, m, half, half - 1n, 2n, m - 1n, half + 1n];
}

/** `count` pseudo-random ring elements (fixed key, replayable). */
export const randomValues = (ell: number, count: number, tag: string): bigint[] =>
  Array.from(chachaWords(deriveKey(rootKey(79n), `${tag}/${ell}`), count), (w) => w & ringMask(ell));

/** Two's-complement reading, the model every expectation is written in. */
export const signed = (v: bigint, ell: number): bigint => BigInt.asIntN(ell, v);
