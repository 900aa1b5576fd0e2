// ReLU(x) = x · (1 − ltz(x)) (ALGORITHMS.md §2; CrypTen: x · ge(x, 0)): LTZ, then one Beaver product
// with the 0/1 result (no truncation). Exact on the whole ring (ReLU(−2^(ℓ−1)) = 0).
import { RING } from '../domains.ts';
import { ltzThenProductCost } from './cost.ts';
import { unarySpec } from './unary.ts';

export const reluSpec = unarySpec(
  'relu',
  'ReLU(x) = x · (1 − ltz(x))',
  'fixed',
  () => RING,
  (x) => Math.max(0, x),
  ltzThenProductCost,
);
