// What counts as a wrap event (harness/compare.ts): a difference within ulps of a non-zero multiple of
// the wrap modulus; for a modulus of 1 (a kernel whose wrapped element is garbage) only a difference of
// at least 2^⌈ℓ/2⌉. A small excess over the bound is a bound violation, never an allowed wrap: a kernel
// whose bound was too small by a few percent once passed as "wrap events within the allowance".
import { describe, expect, it } from 'vitest';
import { fromIntegers } from '../../core/ring.ts';
import { checkImplementation } from '../../harness/compare.ts';
import type { Bounds } from '../../spec/types.ts';

const at = (values: bigint[]) => fromIntegers(64, [values.length], values);
const garbage: Bounds = {
  implementationUlps: 10,
  wrap: { probability: 0.5, modulus: 1n },
  approximation: { abs: 0, rel: 0 },
};
const shifted: Bounds = { ...garbage, wrap: { probability: 0.5, modulus: 1n << 48n } };

describe('wrap events', () => {
  it('modulus 1: an excess of a few ulps is a violation, a difference of 2^32 or more a wrap', () => {
    const ref = at([100n, 100n, 100n, 100n]);
    const check = checkImplementation(at([111n, 100n + (1n << 40n), 100n - (1n << 32n), 95n]), ref, garbage);
    expect(check.firstViolation).toEqual({ index: 0, ulps: '11', bound: 10 });
    expect(check.wrapEvents).toBe(2);
    expect(check.maxUlps).toBe(5);
    expect(check.ok).toBe(false);
  });

  it('modulus 2^48: a multiple of it (± the bound) is a wrap, anything else a violation', () => {
    const ref = at([0n, 0n, 0n]);
    const check = checkImplementation(at([(1n << 48n) + 7n, -(1n << 48n), 1n << 40n]), ref, shifted);
    expect(check.wrapEvents).toBe(2);
    expect(check.firstViolation).toEqual({ index: 2, ulps: (1n << 40n).toString(), bound: 10 });
  });
});
