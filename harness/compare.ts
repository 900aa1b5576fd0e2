// The two layers of error (DESIGN.md, "Correctness and error"):
//   implementation error — |protocol − reference| in ring units, within the spec's ulps except for
//     rare wrap events (off by a multiple of the wrap modulus), whose count must stay within what the
//     spec's wrap probability allows at a 1e-9 false-alarm rate;
//   approximation error — |reference − ideal| ≤ abs + rel·|ideal| on the domain.
import type { RingTensor } from '../core/ring.ts';
import type { Bounds } from '../spec/types.ts';
import { binomialUpperQuantile } from './stats.ts';

export interface ImplementationCheck {
  readonly maxUlps: number;
  readonly wrapEvents: number;
  readonly wrapAllowed: number;
  /** Elements that are neither within bound nor a wrap. */
  readonly violations: number;
  /** First element that is neither within bound nor a wrap, if any. */
  readonly firstViolation?: { readonly index: number; readonly ulps: string };
  readonly ok: boolean;
}

export function checkImplementation(
  protocol: RingTensor,
  reference: RingTensor,
  bounds: Bounds,
): ImplementationCheck {
  const { ell } = protocol;
  const ulps = BigInt(bounds.implementationUlps);
  let maxUlps = 0n;
  let wraps = 0;
  let violations = 0;
  let firstViolation: ImplementationCheck['firstViolation'];
  for (let i = 0; i < protocol.data.length; i++) {
    const d = BigInt.asIntN(ell, protocol.data[i]! - reference.data[i]!);
    const a = d < 0n ? -d : d;
    if (a <= ulps) {
      if (a > maxUlps) maxUlps = a;
      continue;
    }
    if (bounds.wrap !== undefined && isWrap(d, bounds.wrap.modulus, ulps, ell)) {
      wraps += 1;
      continue;
    }
    violations += 1;
    firstViolation ??= { index: i, ulps: d.toString() };
  }
  const N = protocol.data.length;
  const wrapAllowed = bounds.wrap === undefined ? 0 : binomialUpperQuantile(N, bounds.wrap.probability);
  return {
    maxUlps: Number(maxUlps),
    wrapEvents: wraps,
    wrapAllowed,
    violations,
    ...(firstViolation ? { firstViolation } : {}),
    ok: firstViolation === undefined && wraps <= wrapAllowed,
  };
}

/** d ≡ j·modulus + e (mod 2^ℓ) for some j ≠ 0 and |e| ≤ ulps. */
export function isWrap(d: bigint, modulus: bigint, ulps: bigint, ell: number): boolean {
  const r = BigInt.asUintN(ell, d) % modulus;
  return r <= ulps || modulus - r <= ulps;
}

export interface ApproximationCheck {
  readonly maxAbsError: number;
  readonly maxRelError: number;
  readonly firstViolation?: { readonly index: number; readonly reference: number; readonly ideal: number };
  readonly ok: boolean;
}

export function checkApproximation(
  reference: Float64Array,
  ideal: Float64Array,
  bounds: Bounds,
): ApproximationCheck {
  const { abs, rel } = bounds.approximation;
  let maxAbs = 0;
  let maxRel = 0;
  let firstViolation: ApproximationCheck['firstViolation'];
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    const t = ideal[i]!;
    const e = Math.abs(r - t);
    const ok = e <= abs + rel * Math.abs(t) || (Number.isNaN(e) && Number.isNaN(r) && Number.isNaN(t));
    if (!(e <= maxAbs)) maxAbs = e;
    if (t !== 0 && !(e / Math.abs(t) <= maxRel)) maxRel = e / Math.abs(t);
    if (!ok) firstViolation ??= { index: i, reference: r, ideal: t };
  }
  return {
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    ...(firstViolation ? { firstViolation } : {}),
    ok: firstViolation === undefined,
  };
}
