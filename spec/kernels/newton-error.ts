// Error recurrences of the self-correcting iterations (ALGORITHMS.md §3), per input. Propagating
// errors operation by operation through a Newton step would multiply them by 2 + 2xy each time;
// the exact error maps below keep the cancellation. With ε = y − root:
//   reciprocal, y ← 2y − x·y² + δ:          ε' = −x·ε² + δ
//   inverse square root, y ← y(3 − x·y²)/2 + δ, ε = r·e (r = 1/√x):  e' = −(3/2)e² − (1/2)e³ + δ/r
// where δ is what the floors of one step add, bounded per step by the caller. Errors are tracked as
// intervals [lo, hi], since the maps are far from symmetric (an underestimate contracts faster).
// The protocol's own sequence obeys the same maps with its truncations' extra ulps in δ, so
// |protocol − reference| ≤ max|ε_protocol| + max|ε_reference|.
import type { ErrorModel, Tracked } from '../arithmetic/tracked.ts';

/** Past this the sequence is garbage (and the ring may overflow): the bound is ∞. */
const DIVERGED = 1e6;

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export interface NewtonState {
  /** reference − root ∈ R; protocol − root ∈ P. */
  readonly R: Interval;
  readonly P: Interval;
  readonly w: number;
}

const magnitude = (i: Interval): number => Math.max(Math.abs(i.lo), Math.abs(i.hi));
const widen = (i: Interval, d: number): Interval => ({ lo: i.lo - d, hi: i.hi + d });

/** Start from a tracked initial guess y₀ of the root r. */
export function startAt(y0: Tracked, r: number): NewtonState {
  const c = y0.v - r;
  return { R: widen({ lo: c, hi: c }, y0.e), P: widen({ lo: c, hi: c }, y0.e + y0.d), w: y0.w };
}

/** The result as a tracked value centred on the root. */
export function asTracked(s: NewtonState, r: number): Tracked {
  const eR = magnitude(s.R);
  const eP = magnitude(s.P);
  return Number.isFinite(eR) && Number.isFinite(eP)
    ? { v: r, e: eR, d: eR + eP, w: s.w }
    : { v: r, e: Infinity, d: Infinity, w: 1 };
}

const diverged: NewtonState = {
  R: { lo: -Infinity, hi: Infinity },
  P: { lo: -Infinity, hi: Infinity },
  w: 1,
};

/** The image of [lo, hi] under a map that is increasing below `turn` and decreasing above it. */
function imageOfPeaked(i: Interval, g: (e: number) => number, turn: number): Interval {
  const a = g(i.lo);
  const b = g(i.hi);
  const top = i.lo <= turn && turn <= i.hi ? g(turn) : Math.max(a, b);
  return { lo: Math.min(a, b), hi: top };
}

/**
 * Reciprocal steps y ← y + (y − ⌊⌊y²/2^f⌋·x/2^f⌋) (CrypTen's order): the floors add
 * δ ∈ [0, (x + 1)·u); a secure truncation may deviate from the floor by truncUlps either way.
 */
export function reciprocalNewton(
  m: ErrorModel,
  x: number,
  s0: NewtonState,
  iterations: number,
  xLo = x,
): NewtonState {
  // x may be known only within [xLo, x] (an input computed in fixed point): the map ε ↦ −x'·ε² for
  // some x' there lies between the two maps below, the root being 1/x' (the caller adds the spread).
  const r = 1 / xLo;
  const g = (e: number): number => -x * e * e;
  const gLo = (e: number): number => -xLo * e * e;
  const floorR: Interval = { lo: 0, hi: (x + 1) * m.u };
  const floorP: Interval = { lo: -(x + 1) * m.truncUlps * m.u, hi: (x + 1) * (1 + m.truncUlps) * m.u };
  let { R, P, w } = s0;
  for (let k = 0; k < iterations; k++) {
    const y = r + magnitude(P);
    if (m.local) w += ((y * y) / (m.u * m.u) + (y * y * x) / (m.u * m.u)) / m.half;
    const gR = { lo: imageOfPeaked(R, g, 0).lo, hi: imageOfPeaked(R, gLo, 0).hi };
    const gP = { lo: imageOfPeaked(P, g, 0).lo, hi: imageOfPeaked(P, gLo, 0).hi };
    R = { lo: gR.lo + floorR.lo, hi: gR.hi + floorR.hi };
    P = { lo: gP.lo + floorP.lo, hi: gP.hi + floorP.hi };
    if (!(magnitude(R) < DIVERGED && magnitude(P) < DIVERGED)) return diverged;
  }
  return { R, P, w };
}

/**
 * Inverse-square-root steps. `stepError(y, perTrunc)` bounds |δ| of one step at a fixed-point y when
 * each truncation errs by at most perTrunc; `wrapUnits(y)` sums the step's pre-truncation magnitudes.
 */
export function invSqrtNewton(
  m: ErrorModel,
  x: number,
  s0: NewtonState,
  iterations: number,
  stepError: (y: number, perTrunc: number) => number,
  wrapUnits: (y: number) => number,
): NewtonState {
  const r = 1 / Math.sqrt(x);
  // e ↦ −(3/2)e² − (1/2)e³ increases on (−2, 0) and decreases above 0; below −1 y < 0: diverged.
  const g = (e: number): number => -1.5 * e * e - 0.5 * e * e * e;
  let { R, P, w } = s0;
  for (let k = 0; k < iterations; k++) {
    const yR = r + magnitude(R);
    const yP = r + magnitude(P);
    if (m.local) w += wrapUnits(yP) / m.half;
    const step = (i: Interval, d: number): Interval => {
      const e = { lo: i.lo / r, hi: i.hi / r };
      if (e.lo <= -1) return { lo: -Infinity, hi: Infinity };
      const ge = imageOfPeaked(e, g, 0);
      return { lo: r * ge.lo - d, hi: r * ge.hi + d };
    };
    R = step(R, stepError(yR, m.u));
    P = step(P, stepError(yP, (1 + m.truncUlps) * m.u));
    if (!(magnitude(R) < DIVERGED && magnitude(P) < DIVERGED)) return diverged;
  }
  return { R, P, w };
}
