// A row-wise spec's worst-case Bounds (spec/types.ts) from its per-element bounds over witness rows
// (spec/rows/draw.ts): the rule of spec/kernels/fit.ts — `rel` the worst relative allowance where
// |ideal| ≥ 1, `abs` the rest — with the wrap probability per element and per row (the union bound over
// the row's elements: a wrap in a value the whole row shares spoils every element of it).
import type { Bounds, ElementBounds } from '../types.ts';

/** One witness row's per-element bounds, with the ideal there and each element's wrap probability. */
export interface WitnessBounds {
  readonly bounds: ElementBounds;
  readonly ideal: Float64Array;
  readonly wrap: Float64Array;
}

export function fitRowBounds(witnesses: readonly WitnessBounds[]): Bounds {
  let impl = 0;
  let rel = 0;
  let wrap = 0;
  let rowWrap = 0;
  for (const w of witnesses) {
    let rowSum = 0;
    for (let i = 0; i < w.ideal.length; i++) {
      impl = Math.max(impl, w.bounds.implementationUlps[i]!);
      const t = Math.abs(w.ideal[i]!);
      if (t >= 1) rel = Math.max(rel, w.bounds.approximation[i]! / t);
      wrap = Math.max(wrap, w.wrap[i]!);
      rowSum += w.wrap[i]!;
    }
    rowWrap = Math.max(rowWrap, rowSum);
  }
  let abs = 0;
  for (const w of witnesses)
    for (let i = 0; i < w.ideal.length; i++)
      abs = Math.max(abs, w.bounds.approximation[i]! - rel * Math.abs(w.ideal[i]!));
  const slack = (v: number): number => v * (1 + 1e-9) + 1e-12;
  return {
    // Math.max: the ceiling of a hair below 0 is −0, which JSON writes as 0 and a replay compares as −0.
    implementationUlps: Number.isFinite(impl) ? Math.max(0, Math.ceil(impl - 1e-9)) : Number.MAX_SAFE_INTEGER,
    ...(wrap > 0
      ? { wrap: { probability: Math.min(1, wrap), modulus: 1n, rowProbability: Math.min(1, rowWrap) } }
      : {}),
    approximation: { abs: slack(abs), rel: slack(rel) },
  };
}
