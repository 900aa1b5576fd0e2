// Tail-run test (for masks of bounded range, ALGORITHMS.md §5.5: a shifted support shows first at the
// extremes). Pool the two samples; from the low end, count the k values before the first value the
// other group also has. Under equal distributions the pooled order is exchangeable, so all k extremes
// fall in one given group with probability C(n_G, k)/C(n, k); both groups and both ends: four events,
// p = 4 · max over them — conservative with ties (a value both groups hold ends the run).
import { type Runs, mergeSorted } from './runs.ts';

/** The run of one sample's values below (or above) every value of the other, from one end of the runs. */
function run(r: Runs, high: boolean): { readonly k: number; readonly fromA: boolean } {
  if (r.nA === 0 || r.nB === 0 || r.length === 0) return { k: 0, fromA: true };
  const at = (q: number): number => (high ? r.length - 1 - q : q);
  const first = at(0);
  // a run holding both samples ends it at once (ties are conservative)
  const fromA = r.b[first] === 0;
  let k = 0;
  for (let q = 0; q < r.length; q++) {
    const x = at(q);
    const mine = fromA ? r.a[x]! : r.b[x]!;
    const other = fromA ? r.b[x]! : r.a[x]!;
    if (other > 0) break;
    k += mine;
  }
  return { k, fromA };
}

/** log C(m, k) / C(n, k) = Σ log((m − i)/(n − i)). */
function logAllFrom(m: number, n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log((m - i) / (n - i));
  return s;
}

/** p-value of the tail-run test from the runs of two samples. */
export function tailRunFromRuns(r: Runs): number {
  const n = r.nA + r.nB;
  const low = run(r, false);
  const high = run(r, true);
  const pLow = Math.exp(logAllFrom(low.fromA ? r.nA : r.nB, n, low.k));
  const pHigh = Math.exp(logAllFrom(high.fromA ? r.nA : r.nB, n, high.k));
  return Math.min(1, 2 * 2 * Math.min(pLow, pHigh));
}

/** p-value of the tail-run test on two samples (numbers or 64-bit integers) sorted ascending. */
export const tailRunSorted = <T extends number | bigint>(a: ArrayLike<T>, b: ArrayLike<T>): number =>
  tailRunFromRuns(mergeSorted(a, b));
