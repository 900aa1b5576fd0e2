// The approximation bounds hold across each kernel's whole domain, edges included: the reference is run
// on an even sample of the domain's encoded inputs (every input within 64 ulps of an edge, and at most
// 2^16 more) for both profiles, and |reference − ideal| ≤ abs + rel·|ideal| everywhere. The bounds are
// derived (spec/kernels/*.ts); this checks the derivation against the actual fixed-point steps.
import { describe, expect, it } from 'vitest';
import { decode } from '../../core/fixed.ts';
import { fromIntegers } from '../../core/ring.ts';
import { checkApproximation } from '../../harness/compare.ts';
import { findProtocol } from '../../registry/index.ts';
import { kernelCases } from '../../report/kernel-cases.ts';
import { kernelConfig } from './helpers.ts';

// Every kernel's defaults and declared variants (from the registry) plus the extras of report/kernel-cases.ts.
const CASES = kernelCases();

/** Encoded inputs of [min, max] (minus the gap): the 64 nearest each edge, plus an even sample. */
function sampleUnits(min: number, max: number, f: number, gap = 0): bigint[] {
  const F = 2 ** f;
  const lo = Math.ceil(min * F);
  const hi = Math.floor(max * F);
  const stride = Math.max(1, Math.floor((hi - lo) / 65536));
  const out = new Set<number>();
  for (let k = lo; k <= hi; k += stride) out.add(k);
  for (let j = 0; j < 64; j++) [lo + j, hi - j].forEach((k) => out.add(k));
  const g = Math.ceil(gap * F);
  if (g > 0) for (let j = 0; j < 64; j++) [g + j, -g - j].forEach((k) => out.add(k));
  return [...out].filter((k) => k >= lo && k <= hi && Math.abs(k) >= g).map(BigInt);
}

describe.each(CASES)('$id $params', ({ id, params }) => {
  it.each(['crypten', 'default'] as const)(
    '%s: |reference − ideal| within the bound on the domain',
    (profile) => {
      const config = kernelConfig(profile);
      const p = findProtocol(id).bind(params);
      const d = p.domain(config, p.shapes(1))['x']!;
      if (d.kind !== 'real') throw new Error('kernels take real inputs');
      const units = sampleUnits(d.min, d.max, config.f, d.gap);
      const shapes = p.shapes(units.length);
      const x = fromIntegers(config.ell, shapes['x']!, units);
      const ref = p.reference(config, { x }, shapes)['z']!;
      const ideal = p.ideal(config, { x: decode(x, config.f) }, shapes)['z']!;
      const check = checkApproximation(decode(ref, config.f), ideal, p.bounds(config, shapes));
      expect(check.firstViolation).toBeUndefined();
      expect(check.ok).toBe(true);
    },
  );
});
