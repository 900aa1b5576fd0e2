// Two-sample Kolmogorov–Smirnov test: D = sup |F_A − F_B| over the pooled values (ties consumed
// together, so discrete data give a conservative test), p from the asymptotic Kolmogorov distribution
// with Stephens' small-sample correction (Numerical Recipes §14.3).
import { type Runs, mergeSorted } from './runs.ts';

export function ksPValue(d: number, nA: number, nB: number): number {
  const ne = (nA * nB) / (nA + nB);
  const sq = Math.sqrt(ne);
  const lambda = (sq + 0.12 + 0.11 / sq) * d;
  if (lambda < 0.2) return 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-300) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** p-value of the KS test from the runs of two samples. */
export function ksFromRuns(r: Runs): number {
  let ca = 0;
  let cb = 0;
  let d = 0;
  for (let k = 0; k < r.length; k++) {
    ca += r.a[k]!;
    cb += r.b[k]!;
    d = Math.max(d, Math.abs(ca / r.nA - cb / r.nB));
  }
  return ksPValue(d, r.nA, r.nB);
}

/** p-value of the KS test on two samples (numbers or 64-bit integers), each sorted ascending. */
export const ksTwoSampleSorted = <T extends number | bigint>(a: ArrayLike<T>, b: ArrayLike<T>): number =>
  ksFromRuns(mergeSorted(a, b));
