// Repeated-value (atom) test: do two samples put the same mass on the same exact values? A mask that is 0
// a little too often makes the masked value equal the secret in a few percent of the runs; over a 64-bit
// range those runs repeat one value, which KS, tail-run and bit tests cannot see. Every value that occurs
// at least twice in the pooled sample is a category of its own, the values seen once are one category,
// and the two groups' counts are compared by the χ² homogeneity test (cells whose expected count is
// below 5 merged, chi-square.ts). Conditioned on the pooled sample, equal distributions make the group
// labels exchangeable, which is what the χ² approximation of this table assumes; a value's being
// repeated is read from the pooled sample alone, so choosing the categories does not bias the test.
import { chiSquareHomogeneity } from './chi-square.ts';
import { type Runs, mergeSorted } from './runs.ts';

/** p-value of the atom test from the runs of two samples of exact values. */
export function atomsFromRuns(r: Runs): number {
  const countsA: number[] = [0];
  const countsB: number[] = [0];
  for (let k = 0; k < r.length; k++) {
    const ca = r.a[k]!;
    const cb = r.b[k]!;
    if (ca + cb >= 2) {
      countsA.push(ca);
      countsB.push(cb);
    } else {
      countsA[0]! += ca;
      countsB[0]! += cb;
    }
  }
  return countsA.length === 1 ? 1 : chiSquareHomogeneity(countsA, countsB);
}

/** p-value of the atom test on two samples of exact values, each sorted ascending. */
export const atomTest = <T extends number | bigint>(a: ArrayLike<T>, b: ArrayLike<T>): number =>
  atomsFromRuns(mergeSorted(a, b));
