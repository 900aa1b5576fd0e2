// What happens outside a kernel's domain (ALGORITHMS.md §3): the harness refuses such inputs unless
// asked, and when asked, the kernels fail the way the spec says — garbage, never a silent pass.
import { describe, expect, it } from 'vitest';
import { MpcspecError } from '../../core/errors.ts';
import { kernelConfig, runKernel } from './helpers.ts';

const crypten = kernelConfig('crypten');

async function outside(id: string, params: Record<string, unknown>, x: number) {
  const r = await runKernel(id, params, crypten, [x], 3n, true);
  expect(r.ok).toBe(false); // out-of-domain inputs never pass
  expect(r.outOfDomain.length).toBe(1);
  return r.outputs[0]!;
}

describe('the harness refuses out-of-domain inputs unless allowOutOfDomain', () => {
  it.each([
    ['reciprocal_nr_pos', 0],
    ['reciprocal_nr_pos', -1],
    ['reciprocal_nr', 0.001],
    ['sigmoid', 70],
    ['inv_sqrt_nr', -4],
    ['inv_sqrt_goldschmidt', 0],
    ['reciprocal_goldschmidt', 2.5],
    ['exp', 5],
  ])('%s at %d: a domain error naming the input and the domain', async (id, x) => {
    const err = await runKernel(id, {}, crypten, [1.5, x]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MpcspecError);
    expect((err as MpcspecError).kind).toBe('domain');
    expect((err as MpcspecError).message).toMatch(
      new RegExp(`${id}: input x\\[1\\] = .* is outside the domain`),
    );
  });
});

describe('outside the domain the kernels diverge, as the specs say', () => {
  it('Newton reciprocal: 600 gives nothing near 1/600 (the exp guess explodes past 256.5)', async () => {
    const o = await outside('reciprocal_nr_pos', {}, 600);
    expect(Math.abs(o.decoded[0]! - 1 / 600)).toBeGreaterThan(1);
  });

  it('Newton reciprocal below 0.01: from y₀ ≈ 8 ten steps at most double 2¹⁰ times, short of 1/x', async () => {
    const o = await outside('reciprocal_nr_pos', {}, 0.0001);
    expect(o.decoded[0]!).toBeLessThan(9000);
  });

  it('Goldschmidt reciprocal without deflation fails for d ≥ 2 (stuck at 0 for d = 2, diverges for 5)', async () => {
    for (const d of [2, 5]) {
      const o = await outside('reciprocal_goldschmidt', { t: 7, eta: 1 }, d);
      expect(Math.abs(o.decoded[0]! - 1 / d)).toBeGreaterThanOrEqual(1 / d);
    }
  });

  it('…and deflation by η brings the same row sum of 5 back inside', async () => {
    const r = await runKernel('reciprocal_goldschmidt', { t: 7, eta: 4 }, crypten, [5]);
    expect(r.ok).toBe(true);
    expect(Math.abs(r.outputs[0]!.decoded[0]! - 0.2)).toBeLessThan(1e-3);
  });

  it('Goldschmidt inverse square root without deflation diverges for a variance ≥ 3', async () => {
    const o = await outside('inv_sqrt_goldschmidt', { t: 7, eta: 1 }, 3.5);
    expect(Math.abs(o.decoded[0]! - 1 / Math.sqrt(3.5))).toBeGreaterThan(0.5);
  });

  it('exp below −2ⁿ⁺¹: the base 1 + x/2ⁿ drops below −1 and the even power blows up', async () => {
    const o = await outside('exp', { iterations: 8 }, -600);
    expect(Math.abs(o.decoded[0]! - Math.exp(-600))).toBeGreaterThan(1);
  });

  it('erf beyond its domain: the truncated series runs away from ±1', async () => {
    const o = await outside('erf', {}, 3);
    expect(Math.abs(o.decoded[0]! - 1)).toBeGreaterThan(1);
  });
});
