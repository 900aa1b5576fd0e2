// Every kernel, both schedules, 2 and 3 parties (local and dealer truncation): protocol within the
// spec's implementation bound of the reference, reference within the approximation bound of the ideal,
// and measured cost (rounds, bits, messages, offline bits, preprocessing) equal to the spec's formulas.
// Inputs: the domain's edges plus seeded uniform points (fast-check picks the seeds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findProtocol } from '../../registry/index.ts';
import { kernelCases } from '../../report/kernel-cases.ts';
import { kernelConfig, linspace, runKernel } from './helpers.ts';

// Every kernel's defaults and declared variants (from the registry) plus the extras of report/kernel-cases.ts.
const CASES = kernelCases();

describe.each(CASES)('$id $params', ({ id, params }) => {
  it.each([
    ['crypten', 2],
    ['default', 2],
    ['crypten', 3],
    ['default', 3],
  ] as const)('%s, %i parties: within bounds, cost exact', async (profile, parties) => {
    const config = kernelConfig(profile, parties);
    const p = findProtocol(id).bind(params);
    const d = p.domain(config, p.shapes(1))['x']!;
    if (d.kind !== 'real') throw new Error('kernels take real inputs');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 24 }),
        async (us) => {
          const edges = d.gap === undefined ? [d.min, d.max] : [d.min, d.max, -d.gap, d.gap];
          const values = [...edges, ...us.map((u) => pick(d, u))];
          const r = await runKernel(id, params, config, values, BigInt(values.length));
          const o = r.outputs[0]!;
          expect(r.cost.mismatches).toEqual([]);
          expect(o.implementation.firstViolation).toBeUndefined();
          expect(o.implementation.ok).toBe(true);
          expect(o.approximation.firstViolation).toBeUndefined();
          expect(r.ok).toBe(true);
        },
      ),
      { numRuns: 4 },
    );
  });
});

/** A point of the domain at fraction u (skipping the gap). */
function pick(d: { min: number; max: number; gap?: number }, u: number): number {
  const g = d.gap ?? 0;
  if (g <= 0) return d.min + u * (d.max - d.min);
  const left = -g - d.min;
  const s = u * (left + d.max - g);
  return s < left ? d.min + s : g + (s - left);
}

describe('a larger batch', () => {
  it('exp over 2000 points of its domain under crypten: implementation error well inside the bound', async () => {
    const config = kernelConfig('crypten');
    const r = await runKernel('exp', {}, config, linspace(-64, 4, 2000));
    expect(r.ok).toBe(true);
    expect(r.outputs[0]!.implementation.maxUlps).toBeLessThanOrEqual(r.bounds.implementationUlps);
  });
});
