// Chi-square test of homogeneity of two samples over categories (2 × K table): are the two groups'
// category frequencies the same? Categories whose pooled expected count is below 5 in either group are
// merged into one, so the χ² approximation holds; one category left means nothing to test (p = 1).
import { chiSquareTail } from './gamma.ts';

export function chiSquareHomogeneity(countsA: ArrayLike<number>, countsB: ArrayLike<number>): number {
  let nA = 0;
  let nB = 0;
  for (let k = 0; k < countsA.length; k++) {
    nA += countsA[k]!;
    nB += countsB[k]!;
  }
  if (nA === 0 || nB === 0) return 1;
  const n = nA + nB;
  const cells: [number, number][] = [];
  let restA = 0;
  let restB = 0;
  for (let k = 0; k < countsA.length; k++) {
    const tot = countsA[k]! + countsB[k]!;
    if ((tot * Math.min(nA, nB)) / n >= 5) cells.push([countsA[k]!, countsB[k]!]);
    else {
      restA += countsA[k]!;
      restB += countsB[k]!;
    }
  }
  if (restA + restB > 0) cells.push([restA, restB]);
  if (cells.length < 2) return 1;
  let stat = 0;
  for (const [a, b] of cells) {
    const tot = a + b;
    const eA = (tot * nA) / n;
    const eB = (tot * nB) / n;
    stat += (a - eA) ** 2 / eA + (b - eB) ** 2 / eB;
  }
  return chiSquareTail(stat, cells.length - 1);
}
