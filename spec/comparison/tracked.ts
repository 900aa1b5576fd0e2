// The comparison steps on tracked values (spec/arithmetic/tracked.ts): a comparison of in-range values
// is exact, so what it passes on is its input's own error.
//   relu   max(x, 0) is 1-Lipschitz: |relu(a) − relu(b)| ≤ |a − b|, so the reference's and the
//          protocol's errors carry over unchanged (an exact input gives an exact output: ReLU of a
//          non-positive score is exactly 0 in both)
import type { Tracked } from '../arithmetic/tracked.ts';

export const relu = (x: Tracked): Tracked => ({ v: Math.max(0, x.v), e: x.e, d: x.d, w: x.w });
