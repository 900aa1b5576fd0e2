// Attention scores as the normalisers meet them (ALGORITHMS.md §4, §6): S = QKᵀ/√d_h, one row per query.
// In trained BERT and ViT models the scaled scores of a row spread around zero with a standard deviation
// of one to a few units; the typical row drawn here is Gaussian with a given σ (Box–Muller from the
// generator's uniforms), clipped to the element domain. Row lengths the specs are meant for: 65
// (MPCViT, CIFAR), 128 (BERT-base at seq 128), 197 (PriViT's ViT-Tiny at 224), 257 (MPCViT,
// Tiny-ImageNet), 512 (BERT at seq 512).
export const ATTENTION_ROW_LENGTHS: readonly number[] = [65, 128, 197, 257, 512];

/** Row lengths the generic properties try (the longest realistic rows cost too much per case). */
export const PROPERTY_ROW_LENGTHS: readonly number[] = [65, 128, 197];

/**
 * σ of the typical row's scores: scaled scores of trained BERT-base and ViT heads spread around zero
 * with a standard deviation of one to a few units; 1.5 is the middle of that, not a measurement.
 */
export const TYPICAL_SCORE_SIGMA = 1.5;

/** A row sampler (spec/types.ts RowDomain `sample`) of typical scores clipped to [min, max]. */
export const typicalScores =
  (min: number, max: number, sigma = TYPICAL_SCORE_SIGMA) =>
  (n: number, next: () => number): Float64Array =>
    gaussianScores(n, next, sigma, min, max);

/** A row of n Gaussian scores of standard deviation σ, clipped to [min, max]. */
export function gaussianScores(
  n: number,
  next: () => number,
  sigma: number,
  min: number,
  max: number,
): Float64Array {
  const row = new Float64Array(n);
  for (let j = 0; j < n; j += 2) {
    const u = Math.max(next(), 1e-12);
    const v = next();
    const r = sigma * Math.sqrt(-2 * Math.log(u));
    row[j] = Math.min(max, Math.max(min, r * Math.cos(2 * Math.PI * v)));
    if (j + 1 < n) row[j + 1] = Math.min(max, Math.max(min, r * Math.sin(2 * Math.PI * v)));
  }
  return row;
}
