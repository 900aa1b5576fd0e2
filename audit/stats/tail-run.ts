// Tail-run test (for masks of bounded range, ALGORITHMS.md §5.5: a shifted support shows first at the
// extremes). Pool the two samples; from the low end, count the k values before the first value the
// other group also has. Under equal distributions the pooled order is exchangeable, so all k extremes
// fall in one given group with probability C(n_G, k)/C(n, k); both groups and both ends: four events,
// p = 4 · max over them — conservative with ties (a value both groups hold ends the run).

/** The run of one group's values below every value of the other, from the low (or high) end. */
function run<T extends number | bigint>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
  high: boolean,
): { readonly k: number; readonly fromA: boolean } {
  if (a.length === 0 || b.length === 0) return { k: 0, fromA: true };
  const at = (x: ArrayLike<T>, k: number): T => (high ? x[x.length - 1 - k]! : x[k]!);
  const before = (u: T, v: T): boolean => (high ? u > v : u < v);
  const fromA = before(at(a, 0), at(b, 0));
  const [x, y] = fromA ? [a, b] : [b, a];
  let k = 0;
  while (k < x.length && before(at(x, k), at(y, 0))) k++;
  return { k, fromA };
}

/** log C(m, k) / C(n, k) = Σ log((m − i)/(n − i)). */
function logAllFrom(m: number, n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log((m - i) / (n - i));
  return s;
}

/** p-value of the tail-run test on two samples (numbers or 64-bit integers) sorted ascending. */
export function tailRunSorted<T extends number | bigint>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const n = a.length + b.length;
  const low = run(a, b, false);
  const high = run(a, b, true);
  const pLow = Math.exp(logAllFrom(low.fromA ? a.length : b.length, n, low.k));
  const pHigh = Math.exp(logAllFrom(high.fromA ? a.length : b.length, n, high.k));
  return Math.min(1, 2 * 2 * Math.min(pLow, pHigh));
}
