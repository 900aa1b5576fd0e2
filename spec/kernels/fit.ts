// From per-input error bounds to a spec's Bounds (spec/types.ts). A kernel's inputs are fixed-point
// values, so its domain is a finite set: the bound is evaluated at every encoded input of the domain
// (including the one-ulp slack the harness accepts at each edge) and the worst case is taken.
// The approximation bound is stated as abs + rel·|ideal| by one rule for every kernel: `rel` is the
// worst relative error where |ideal| ≥ 1, `abs` the worst remaining absolute error where |ideal| < 1.
import type { Config } from '../config.ts';
import type { Bounds, Domain } from '../types.ts';
import type { Tracked } from '../arithmetic/tracked.ts';

export interface PointBound {
  /** The ideal function at the input. */
  readonly ideal: number;
  /** The kernel's steps, tracked (spec/arithmetic/tracked.ts). */
  readonly tracked: Tracked;
}

/** At most this many inputs are evaluated; wider domains are sampled evenly, edges always included. */
export const MAX_DERIVATION_POINTS = 1 << 18;

/**
 * The encoded inputs of a real domain, as reals, with one ulp of slack at each edge: every one of them
 * when there are at most MAX_DERIVATION_POINTS, else an even sample that keeps every edge.
 */
export function encodedInputs(config: Config, domain: Domain): { xs: Float64Array; exhaustive: boolean } {
  if (domain.kind !== 'real') return { xs: new Float64Array(0), exhaustive: true };
  const F = 2 ** config.f;
  const lo = Math.ceil(domain.min * F) - 1;
  const hi = Math.floor(domain.max * F) + 1;
  const gap = domain.gap ?? 0;
  const gapUnits = Math.ceil(gap * F) - 1; // |k| ≥ gapUnits is inside (one ulp of slack)
  const count = hi - lo + 1;
  const stride = Math.max(1, Math.ceil(count / MAX_DERIVATION_POINTS));
  const keep = (k: number): boolean => gap <= 0 || Math.abs(k) >= gapUnits;
  const out: number[] = [];
  for (let k = lo; k <= hi; k += stride) if (keep(k)) out.push(k / F);
  for (const k of [hi, gapUnits, -gapUnits]) if (k >= lo && k <= hi && keep(k)) out.push(k / F);
  return { xs: Float64Array.from(out), exhaustive: stride === 1 };
}

export interface FittedBounds {
  readonly bounds: Bounds;
  /** The largest derived |reference − ideal| and where, for the docs' bound table. */
  readonly worst: { readonly x: number; readonly error: number };
}

export function fitBounds(
  config: Config,
  inputs: { readonly xs: Float64Array; readonly exhaustive: boolean },
  at: (x: number) => PointBound,
): FittedBounds {
  const { xs } = inputs;
  const u = 2 ** -config.f;
  // One pass stores what the fit needs; a second picks abs once rel is known.
  const ideal = new Float64Array(xs.length);
  const error = new Float64Array(xs.length);
  let rel = 0;
  let impl = 0;
  let wrap = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = at(xs[i]!);
    const err = Math.abs(p.tracked.v - p.ideal) + p.tracked.e;
    ideal[i] = p.ideal;
    error[i] = err;
    if (Math.abs(p.ideal) >= 1) rel = Math.max(rel, err / Math.abs(p.ideal));
    impl = Math.max(impl, p.tracked.d);
    wrap = Math.max(wrap, p.tracked.w);
  }
  let abs = 0;
  let worst = { x: Number.NaN, error: 0 };
  for (let i = 0; i < xs.length; i++) {
    const err = error[i]!;
    if (!(err <= worst.error)) worst = { x: xs[i]!, error: err };
    abs = Math.max(abs, err - rel * Math.abs(ideal[i]!));
  }
  // A hair of slack for float64 rounding in the ideal and in these sums (≪ 1 ulp); a sampled domain
  // gets 2 % more, for the inputs between samples (the exhaustive reference test checks them all).
  const factor = inputs.exhaustive ? 1 + 1e-9 : 1.02;
  const slack = (v: number): number => v * factor + 1e-12;
  const bounds: Bounds = {
    implementationUlps: Number.isFinite(impl) ? Math.ceil(slack(impl) / u - 1e-9) : Number.MAX_SAFE_INTEGER,
    ...(wrap > 0 ? { wrap: { probability: Math.min(1, wrap), modulus: 1n } } : {}),
    approximation: { abs: slack(abs), rel: slack(rel) },
  };
  return { bounds, worst };
}

/** Memoise a derivation per configuration and parameters (it sweeps the whole domain). */
export function memoize<P>(
  fn: (config: Config, params: P) => FittedBounds,
): (config: Config, params: P) => FittedBounds {
  const cache = new Map<string, FittedBounds>();
  return (config, params) => {
    const key = JSON.stringify([config, params]);
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = fn(config, params);
      cache.set(key, hit);
    }
    return hit;
  };
}
