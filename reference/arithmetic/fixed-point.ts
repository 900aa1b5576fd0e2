// The cleartext fixed-point steps every reference is written in (ALGORITHMS.md §1, §3): exact ring
// arithmetic with each truncation the exact floor ⌊v / 2^k⌋. The protocols take the same steps, under
// the same names, on shares (protocols/arithmetic/fixed-point.ts); only the truncations differ, within
// the spec's ulps. The tracked error model has the same names too (spec/arithmetic/tracked.ts).
import type { RingTensor } from '../../core/ring.ts';
import { add, addScalar, mul, mulScalar } from '../../core/ring-ops.ts';
import { divIntFloor, shiftRightArith } from '../../core/shift.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import type { Config } from '../../spec/config.ts';

/** a·b at scale 2^(2f) (a later truncation folds in the 2^f). */
export const mulRaw = (a: RingTensor, b: RingTensor): RingTensor => mul(a, b);

/** ⌊a·b / 2^f⌋. */
export const mulFixed = (c: Config, a: RingTensor, b: RingTensor): RingTensor =>
  shiftRightArith(mul(a, b), c.f);

/** a² at scale 2^(2f). */
export const squareRaw = (a: RingTensor): RingTensor => mul(a, a);

/** ⌊a² / 2^f⌋. */
export const squareFixed = (c: Config, a: RingTensor): RingTensor => shiftRightArith(mul(a, a), c.f);

/** ⌊a / 2^k⌋ (CrypTen's division by a public power of two; k = f + j folds a raw product's scale). */
export const truncBits = (a: RingTensor, k: number): RingTensor => shiftRightArith(a, k);

/** ⌊a / d⌋ for a public integer d ≥ 1 (a row mean's 1/n; spec/arithmetic/truncation.ts). */
export const divInt = (a: RingTensor, d: number): RingTensor => (d === 1 ? a : divIntFloor(a, BigInt(d)));

/** a + enc(v). */
export const addConst = (c: Config, a: RingTensor, v: number): RingTensor =>
  addScalar(a, encodedConstant(c, v));

/** ⌊a · enc(v) / 2^f⌋. */
export const mulConst = (c: Config, a: RingTensor, v: number): RingTensor =>
  shiftRightArith(mulScalar(a, encodedConstant(c, v)), c.f);

/** ⌊Σᵢ enc(vᵢ)·aᵢ / 2^f⌋: one truncation for the whole public linear combination. */
export const mulConstSum = (c: Config, terms: readonly (readonly [RingTensor, number])[]): RingTensor =>
  shiftRightArith(terms.map(([a, v]) => mulScalar(a, encodedConstant(c, v))).reduce(add), c.f);

/** a·k for a public integer k. */
export const mulInt = (a: RingTensor, k: bigint): RingTensor => mulScalar(a, k);
