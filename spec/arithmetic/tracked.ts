// The tracked error model (ALGORITHMS.md §3; DESIGN.md "Correctness and error"): the fixed-point steps
// of protocols/arithmetic/fixed-point.ts and reference/arithmetic/fixed-point.ts, under the same names,
// replayed on `Tracked` values, which carry for one input x:
//   v — the value the steps compute in exact real arithmetic (with the constants as encoded),
//   e — a bound on |reference − v| (floor truncations, constant encodings),
//   d — a bound on |protocol − reference| (each secure truncation deviates from the floor by at most
//       the method's ulps, spec/arithmetic/truncation.ts; once the two differ, their floors may differ
//       by one more ulp), and
//   w — a bound on the probability that a local truncation wraps (the shares overflow; the element is
//       then garbage), by the union bound over every truncation of the program.
// Each rule below is the first-order-exact propagation of an absolute error through one operation, so
// the bounds are sound for the step program as written; iterations that correct their own errors
// (Newton, Goldschmidt) use the contraction recurrences in newton-error.ts instead, because
// propagating through them operation by operation would forget the cancellation.
import { roundScaled } from '../../core/fixed.ts';
import type { Config } from '../config.ts';
import { divisionUlps, truncationBounds } from '../arithmetic/truncation.ts';

export interface Tracked {
  readonly v: number;
  readonly e: number;
  readonly d: number;
  readonly w: number;
  /** The value is held at scale 2^(2f) (a raw product): a truncation by f + j brings it back to 2^f. */
  readonly raw?: true;
}

export interface ErrorModel {
  readonly config: Config;
  /** enc(c)·2^−f for the constants seen so far (encoding is the same for every input). */
  readonly encoded: Map<number, number>;
  /** One ulp, 2^−f. */
  readonly u: number;
  /** Ulps by which one secure truncation may deviate from the floor. */
  readonly truncUlps: number;
  /** Whether truncation is local (and so may wrap). */
  readonly local: boolean;
  /** 2^(ℓ−1): the magnitude (in ring units) where the ring overflows. */
  readonly half: number;
}

export function errorModel(config: Config): ErrorModel {
  return {
    config,
    encoded: new Map(),
    u: 2 ** -config.f,
    truncUlps: truncationBounds(config, config.f, 0).implementationUlps,
    local: config.truncation !== 'dealer',
    half: 2 ** (config.ell - 1),
  };
}

/** The real value a public constant encodes to (CrypTen: toward zero, 0.003 → 196/65536). */
export const encodedValue = (config: Config, c: number): number =>
  roundScaled(c * 2 ** config.f, config.rounding) * 2 ** -config.f;

export const exact = (v: number): Tracked => ({ v, e: 0, d: 0, w: 0 });

/** |reference| ≤ |v| + e and |protocol| ≤ |v| + e + d. */
const protocolMagnitude = (a: Tracked): number => Math.abs(a.v) + a.e + a.d;

/** The scale flag two operands of an addition share (a raw and a scaled value do not add). */
function sameScale(a: Tracked, b: Tracked): { raw?: true } {
  if ((a.raw === true) !== (b.raw === true))
    throw new Error('tracked: adding a raw product (scale 2^(2f)) to a value at scale 2^f');
  return a.raw === true ? { raw: true } : {};
}

export const add = (a: Tracked, b: Tracked): Tracked => ({
  v: a.v + b.v,
  e: a.e + b.e,
  d: a.d + b.d,
  w: a.w + b.w,
  ...sameScale(a, b),
});

export const sub = (a: Tracked, b: Tracked): Tracked => ({
  v: a.v - b.v,
  e: a.e + b.e,
  d: a.d + b.d,
  w: a.w + b.w,
  ...sameScale(a, b),
});

export const neg = (a: Tracked): Tracked => ({ ...a, v: -a.v });

/** Multiplication by a public integer: exact in the ring. */
export const mulInt = (a: Tracked, k: number): Tracked => ({
  ...a,
  v: a.v * k,
  e: a.e * Math.abs(k),
  d: a.d * Math.abs(k),
});

function encodedIn(m: ErrorModel, c: number): number {
  let v = m.encoded.get(c);
  if (v === undefined) {
    v = encodedValue(m.config, c);
    m.encoded.set(c, v);
  }
  return v;
}

/** a + enc(c); v follows the encoded constant, so its encoding error lands in |v − ideal| with its sign. */
export const addConst = (m: ErrorModel, a: Tracked, c: number): Tracked => ({
  v: a.v + encodedIn(m, c),
  e: a.e,
  d: a.d,
  w: a.w,
});

/**
 * One truncation of a value whose magnitude before truncation is `before` (real units of the value
 * being truncated, which has scale 2^f·2^k): the floor adds < 1 ulp, the secure method ≤ truncUlps
 * more, and a local method wraps with probability ≤ |value|/2^(ℓ−1).
 */
function truncated(m: ErrorModel, r: Tracked, ringUnitsBefore: number, ulps = m.truncUlps): Tracked {
  if (ringUnitsBefore >= m.half / 2) return { v: r.v, e: Infinity, d: Infinity, w: 1 };
  return {
    v: r.v,
    e: r.e + m.u,
    // The protocol truncates its own value, which may differ from the reference's: the two floors of
    // values D apart differ by up to ⌈D⌉ ulps (D/2^k + 1 ulp), and the secure method adds its own ulps.
    d: r.d + (r.d > 0 ? m.u : 0) + ulps * m.u,
    w: r.w + (m.local ? ringUnitsBefore / m.half : 0),
  };
}

/**
 * ⌊a / 2^k⌋ (CrypTen's div by a public power of two). A raw product (scale 2^(2f)) truncated by f + j
 * comes back at scale 2^f divided by 2^j: the default schedule's folded truncation.
 */
export function truncBits(m: ErrorModel, a: Tracked, k: number): Tracked {
  const shift = a.raw === true ? k - m.config.f : k;
  const s = 2 ** -shift;
  const ringUnits = protocolMagnitude(a) / (a.raw === true ? m.u * m.u : m.u);
  return truncated(m, { v: a.v * s, e: a.e * s, d: a.d * s, w: a.w }, ringUnits);
}

/**
 * ⌊a / d⌋ for a public integer d ≥ 1 (a row mean's 1/n; spec/arithmetic/truncation.ts): the value's
 * scale stays, except that a raw product (scale 2^(2f)) divided by d·2^f comes back at scale 2^f — one
 * division for a sum of squares and its mean.
 */
export function divInt(m: ErrorModel, a: Tracked, d: number): Tracked {
  const F = 2 ** m.config.f;
  const s = a.raw === true ? F / d : 1 / d;
  const ringUnits = protocolMagnitude(a) / (a.raw === true ? m.u * m.u : m.u);
  if (d === 1) return a;
  return truncated(m, { v: a.v * s, e: a.e * s, d: a.d * s, w: a.w }, ringUnits, divisionUlps(m.config, d));
}

/** ⌊a · enc(c) / 2^f⌋: a product with a public fixed-point constant. */
export function mulConst(m: ErrorModel, a: Tracked, c: number): Tracked {
  const ce = encodedIn(m, c);
  const r = { v: a.v * ce, e: Math.abs(ce) * a.e, d: Math.abs(ce) * a.d, w: a.w };
  return truncated(m, r, (protocolMagnitude(a) * Math.abs(ce)) / (m.u * m.u));
}

/** ⌊Σᵢ aᵢ · enc(cᵢ) / 2^f⌋: a public linear combination, truncated once. */
export function mulConstSum(m: ErrorModel, terms: readonly (readonly [Tracked, number])[]): Tracked {
  let r = { v: 0, e: 0, d: 0, w: 0 };
  let before = 0;
  for (const [a, c] of terms) {
    const ce = Math.abs(encodedIn(m, c));
    r = { v: r.v + a.v * encodedIn(m, c), e: r.e + ce * a.e, d: r.d + ce * a.d, w: r.w + a.w };
    before += protocolMagnitude(a) * ce;
  }
  return truncated(m, r, before / (m.u * m.u));
}

/** ⌊a · b / 2^f⌋: a Beaver product of two shared values. */
export function mulFixed(m: ErrorModel, a: Tracked, b: Tracked): Tracked {
  const A = Math.abs(a.v) + a.e;
  const B = Math.abs(b.v) + b.e;
  const r = {
    v: a.v * b.v,
    e: Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e,
    d: A * b.d + B * a.d + a.d * b.d,
    w: a.w + b.w,
  };
  return truncated(m, r, (protocolMagnitude(a) * protocolMagnitude(b)) / (m.u * m.u));
}

/** ⌊a² / 2^f⌋ (a square pair); shares a's history, so its wrap term is counted once. */
export function squareFixed(m: ErrorModel, a: Tracked): Tracked {
  const A = Math.abs(a.v) + a.e;
  const r = { v: a.v * a.v, e: 2 * Math.abs(a.v) * a.e + a.e * a.e, d: 2 * A * a.d + a.d * a.d, w: a.w };
  const P = protocolMagnitude(a);
  return truncated(m, r, (P * P) / (m.u * m.u));
}

/** The raw product a·b at scale 2^(2f), no truncation (for folded truncations). */
export function mulRaw(a: Tracked, b: Tracked): Tracked {
  const A = Math.abs(a.v) + a.e;
  const B = Math.abs(b.v) + b.e;
  return {
    v: a.v * b.v,
    e: Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e,
    d: A * b.d + B * a.d + a.d * b.d,
    w: a.w + b.w,
    raw: true,
  };
}

/** The raw square a² at scale 2^(2f). */
export function squareRaw(a: Tracked): Tracked {
  const A = Math.abs(a.v) + a.e;
  return {
    v: a.v * a.v,
    e: 2 * Math.abs(a.v) * a.e + a.e * a.e,
    d: 2 * A * a.d + a.d * a.d,
    w: a.w,
    raw: true,
  };
}

/** Points of [lo, hi] where an exact-input error model is evaluated: both ends, the middle, and s. */
const probes = (lo: number, s: number, hi: number): number[] => [lo, (lo + s) / 2, s, (s + hi) / 2, hi];

/**
 * A kernel whose error model is known for exact inputs (`at(s)`: the steps tracked from the exact
 * input s), applied to an inexact one: the reference's input lies within x.e of x.v and the protocol's
 * within x.d more. With I the input's interval and K_ref, K_prot the two computations:
 *   |K_ref(R) − at(v).v| ≤ at(R).e + |at(R).v − at(v).v|
 *   |K_prot(P) − K_ref(R)| ≤ (at(P).e + at(P).d) + |at(P).v − at(R).v| + at(R).e
 * The spans of at(·).v are taken at the interval's ends (every kernel's exact-real value is monotone in
 * its input: reciprocal, inverse square root, sigmoid); the errors at(·).e and at(·).d at the ends, the
 * quarter points and the middle — the intervals are a few ulps of the input wide, where the kernels'
 * error models vary smoothly. For an exact input this is at(x.v) itself.
 */
export function onInexactInput(x: Tracked, at: (s: number) => Tracked): Tracked {
  const centre = at(x.v);
  if (x.e === 0 && x.d === 0) return { ...centre, w: centre.w + x.w };
  const r = { lo: x.v - x.e, hi: x.v + x.e };
  const p = { lo: r.lo - x.d, hi: r.hi + x.d };
  const worst = (lo: number, hi: number, f: (t: Tracked) => number): number =>
    Math.max(...probes(lo, x.v, hi).map((s) => f(at(s))));
  const span = (lo: number, hi: number): number =>
    Math.max(Math.abs(at(lo).v - centre.v), Math.abs(at(hi).v - centre.v));
  const eR = worst(r.lo, r.hi, (t) => t.e);
  const e = eR + span(r.lo, r.hi);
  const d = worst(p.lo, p.hi, (t) => t.e + t.d) + span(p.lo, p.hi) + span(r.lo, r.hi) + eR;
  const w = worst(p.lo, p.hi, (t) => t.w) + x.w;
  if (!Number.isFinite(e) || !Number.isFinite(d)) return { v: centre.v, e: Infinity, d: Infinity, w: 1 };
  return { v: centre.v, e, d, w };
}
