// The two layers of error (DESIGN.md, "Correctness and error"):
//   implementation error — |protocol − reference| in ring units, within the spec's ulps except for
//     rare wrap events (off by a multiple of the wrap modulus), whose count must stay within what the
//     spec's wrap probability allows at a 1e-9 false-alarm rate — counted by element, or by row of the
//     output when the spec says a wrap may spoil a whole row;
//   approximation error — |reference − ideal| ≤ abs + rel·|ideal| on the domain.
// Where the spec derives bounds for the very inputs of a case (spec/types.ts pointBounds), each element
// is held to its own bound instead of the domain-wide one.
import type { RingTensor } from '../core/ring.ts';
import type { Bounds } from '../spec/types.ts';
import { binomialUpperQuantile } from './stats.ts';

export interface ImplementationCheck {
  readonly maxUlps: number;
  /** Elements off by a wrap. */
  readonly wrapEvents: number;
  /** What the count is judged by: elements, or rows (when the spec states a per-row probability). */
  readonly wrapUnit: 'element' | 'row';
  /** Rows (or elements) with a wrap event, and how many the spec allows. */
  readonly wrapCount: number;
  readonly wrapAllowed: number;
  /** Units (rows or elements) counted, and each one's probability of a wrap: to judge several checks together. */
  readonly wrapUnits: number;
  readonly wrapUnitProbability: number;
  /** Elements that are neither within their bound nor a wrap. */
  readonly violations: number;
  /** First element that is neither within its bound nor a wrap, if any. */
  readonly firstViolation?: { readonly index: number; readonly ulps: string; readonly bound: number };
  readonly ok: boolean;
}

/**
 * A wrap event: d ≡ j·modulus + e (mod 2^ℓ) for some j ≠ 0 and |e| ≤ ulps. A modulus of 1 says the
 * wrapped element is garbage (a local truncation wrapped inside a longer computation, which then
 * scrambles the value): then only |d| ≥ 2^⌈ℓ/2⌉ counts. A wrap shifts a truncated value by 2^(ℓ−k) ≥
 * 2^⌈ℓ/2⌉ (the kernels truncate by k ≤ ℓ/2 bits), and garbage lands closer than that to the reference
 * with probability about 2^(1−ℓ/2); a smaller excess over the bound is a bound violation, not a wrap.
 */
export function isWrap(d: bigint, modulus: bigint, ulps: bigint, ell: number): boolean {
  if (modulus === 1n) {
    const a = d < 0n ? -d : d;
    return a >= 1n << BigInt(Math.ceil(ell / 2));
  }
  const r = BigInt.asUintN(ell, d) % modulus;
  return r <= ulps || modulus - r <= ulps;
}

/**
 * What a vector file records as an output's error (docs/vectors.md, `expected.error`), judged by the
 * group's bounds: `wraps` counts the elements that are wrap events (isWrap, beyond the ulps bound), and
 * `maxUlps` is the largest |d| of every other element, d = protocol − reference read as a signed ℓ-bit
 * value. Unlike checkImplementation's maxUlps, an element beyond the bound that is not a wrap counts
 * (an invalid case records it).
 */
export function outputError(
  protocol: RingTensor,
  reference: RingTensor,
  bounds: Bounds,
): { readonly maxUlps: bigint; readonly wraps: number } {
  const ulps = BigInt(bounds.implementationUlps);
  let maxUlps = 0n;
  let wraps = 0;
  for (let i = 0; i < protocol.data.length; i++) {
    const d = BigInt.asIntN(protocol.ell, protocol.data[i]! - reference.data[i]!);
    const a = d < 0n ? -d : d;
    if (a > ulps && bounds.wrap !== undefined && isWrap(d, bounds.wrap.modulus, ulps, protocol.ell)) wraps++;
    else if (a > maxUlps) maxUlps = a;
  }
  return { maxUlps, wraps };
}

/**
 * Protocol against reference. `elementUlps`, when given, is each element's own bound (ulps); `rowLength`
 * is the output's last axis, by which wraps are counted when the spec gives a per-row probability.
 */
export function checkImplementation(
  protocol: RingTensor,
  reference: RingTensor,
  bounds: Bounds,
  elementUlps?: Float64Array,
): ImplementationCheck {
  const { ell } = protocol;
  const uniform = BigInt(bounds.implementationUlps);
  const rowLength = protocol.shape[protocol.shape.length - 1] ?? 1;
  const byRow = bounds.wrap?.rowProbability !== undefined && rowLength > 0;
  let maxUlps = 0n;
  let wraps = 0;
  let violations = 0;
  const wrappedRows = new Set<number>();
  let firstViolation: ImplementationCheck['firstViolation'];
  for (let i = 0; i < protocol.data.length; i++) {
    const ulps = elementUlps === undefined ? uniform : BigInt(Math.ceil(elementUlps[i]!));
    const d = BigInt.asIntN(ell, protocol.data[i]! - reference.data[i]!);
    const a = d < 0n ? -d : d;
    if (a <= ulps) {
      if (a > maxUlps) maxUlps = a;
      continue;
    }
    if (bounds.wrap !== undefined && isWrap(d, bounds.wrap.modulus, ulps, ell)) {
      wraps += 1;
      if (byRow) wrappedRows.add(Math.floor(i / rowLength));
      continue;
    }
    violations += 1;
    firstViolation ??= { index: i, ulps: d.toString(), bound: Number(ulps) };
  }
  const N = protocol.data.length;
  const rows = byRow ? Math.ceil(N / rowLength) : N;
  const perUnit =
    bounds.wrap === undefined
      ? 0
      : byRow
        ? Math.min(1, bounds.wrap.rowProbability! + rowLength * bounds.wrap.probability)
        : bounds.wrap.probability;
  const wrapAllowed = bounds.wrap === undefined ? 0 : binomialUpperQuantile(rows, perUnit);
  const wrapCount = byRow ? wrappedRows.size : wraps;
  return {
    maxUlps: Number(maxUlps),
    wrapEvents: wraps,
    wrapUnit: byRow ? 'row' : 'element',
    wrapCount,
    wrapAllowed,
    wrapUnits: rows,
    wrapUnitProbability: perUnit,
    violations,
    ...(firstViolation ? { firstViolation } : {}),
    ok: firstViolation === undefined && wrapCount <= wrapAllowed,
  };
}

export interface ApproximationCheck {
  readonly maxAbsError: number;
  readonly maxRelError: number;
  readonly firstViolation?: {
    readonly index: number;
    readonly reference: number;
    readonly ideal: number;
    readonly bound: number;
  };
  readonly ok: boolean;
}

/** Reference against ideal; `elementBound`, when given, is each element's own allowed |ref − ideal|. */
export function checkApproximation(
  reference: Float64Array,
  ideal: Float64Array,
  bounds: Bounds,
  elementBound?: Float64Array,
): ApproximationCheck {
  const { abs, rel } = bounds.approximation;
  let maxAbs = 0;
  let maxRel = 0;
  let firstViolation: ApproximationCheck['firstViolation'];
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    const t = ideal[i]!;
    const e = Math.abs(r - t);
    const bound = elementBound === undefined ? abs + rel * Math.abs(t) : elementBound[i]!;
    const ok = e <= bound || (Number.isNaN(e) && Number.isNaN(r) && Number.isNaN(t));
    if (!(e <= maxAbs)) maxAbs = e;
    if (t !== 0 && !(e / Math.abs(t) <= maxRel)) maxRel = e / Math.abs(t);
    if (!ok) firstViolation ??= { index: i, reference: r, ideal: t, bound };
  }
  return {
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    ...(firstViolation ? { firstViolation } : {}),
    ok: firstViolation === undefined,
  };
}
