// The cleartext fixed-point steps every kernel reference is written in (ALGORITHMS.md §1, §3): exact
// ring arithmetic with each truncation the exact floor ⌊v / 2^k⌋. The protocols take the same steps on
// shares (protocols/kernels/secure-steps.ts); only the truncations differ, within the spec's ulps.
import type { RingTensor } from '../../core/ring.ts';
import { addScalar, mul, mulScalar } from '../../core/ring-ops.ts';
import { shiftRightArith } from '../../core/shift.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import type { Config } from '../../spec/config.ts';

/** ⌊a·b / 2^f⌋. */
export const mulFx = (c: Config, a: RingTensor, b: RingTensor): RingTensor => shiftRightArith(mul(a, b), c.f);

/** ⌊a² / 2^f⌋. */
export const squareFx = (c: Config, a: RingTensor): RingTensor => shiftRightArith(mul(a, a), c.f);

/** ⌊a / 2^k⌋ (CrypTen's division by a public power of two). */
export const truncBits = (a: RingTensor, k: number): RingTensor => shiftRightArith(a, k);

/** a + enc(c). */
export const addConst = (c: Config, a: RingTensor, v: number): RingTensor =>
  addScalar(a, encodedConstant(c, v));

/** ⌊a · enc(c) / 2^f⌋. */
export const mulConst = (c: Config, a: RingTensor, v: number): RingTensor =>
  shiftRightArith(mulScalar(a, encodedConstant(c, v)), c.f);

/** a·b at scale 2^(2f) (the default schedule folds its truncation into a later one). */
export const mulRaw = (a: RingTensor, b: RingTensor): RingTensor => mul(a, b);
