// Statistics for bounds that hold "except with probability p" (share wrap in local truncation): how
// many rare events a correct protocol may show among N elements before the check calls it a defect.

/** The smallest c with P[Binomial(N, p) > c] ≤ alpha. */
export function binomialUpperQuantile(N: number, p: number, alpha = 1e-9): number {
  if (p <= 0 || N === 0) return 0;
  if (p >= 1) return N;
  let pmf = Math.exp(N * Math.log1p(-p));
  let cdf = pmf;
  let k = 0;
  const ratio = p / (1 - p);
  while (1 - cdf > alpha && k < N) {
    pmf *= ((N - k) / (k + 1)) * ratio;
    k += 1;
    cdf += pmf;
    if (pmf === 0 && cdf < 1 - alpha) {
      // underflow of the pmf before the tail is small: fall back to a Chernoff-style margin
      return Math.min(N, Math.ceil(N * p + Math.sqrt(2 * N * p * Math.log(1 / alpha)) + Math.log(1 / alpha)));
    }
  }
  return k;
}
