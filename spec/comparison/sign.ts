// sign and abs — CrypTen's definitions on top of LTZ (ALGORITHMS.md §2):
//   sign(x) = 1 − 2·ltz(x) ∈ {−1, +1}; sign(0) = +1 ("0 is considered positive"). Cost: one LTZ.
//   abs(x)  = x · sign(x): LTZ, then one Beaver product (no truncation: sign is an integer).
//             Exact except at −2^(ℓ−1), whose absolute value wraps to itself: the domain leaves it out.
import { RING } from '../domains.ts';
import { symmetricRingDomain } from './common.ts';
import { ltzCost, ltzThenProductCost } from './cost.ts';
import { unarySpec } from './unary.ts';

export const signSpec = unarySpec(
  'sign',
  'sign(x) = 1 − 2·ltz(x) ∈ {−1, +1}, sign(0) = +1',
  'int',
  () => RING,
  (x) => (x < 0 ? -1 : 1),
  ltzCost,
);

export const absSpec = unarySpec(
  'abs',
  '|x| = x · sign(x)',
  'fixed',
  symmetricRingDomain,
  (x) => Math.abs(x),
  ltzThenProductCost,
);
