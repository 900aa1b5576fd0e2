// Outside the pre-activation range the GeLU specs assume (|x| ≤ 12; |x| ≤ 2.8 for gelu_erf): the harness
// refuses such inputs unless asked, and when asked the run is reported out of domain (never a pass, the
// bounds do not apply) while each variant does what docs/gelu.md says: CrypTen's erf series runs away past
// |x| ≈ 2.8, the exp inside CrypTen's tanh breaks past |x| ≈ 18.5 (its base 1 − 2|y|/256 drops below −1),
// the piecewise variants (Fourier, PUMA) keep returning 0 and x.
import { describe, expect, it } from 'vitest';
import { encode } from '../../core/fixed.ts';
import { MpcspecError } from '../../core/errors.ts';
import { executeCase } from '../../harness/execute.ts';
import { summarizeCase } from '../../harness/summary.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

const config = resolveConfig('crypten');

async function run(id: string, xs: number[], allowOutOfDomain = true) {
  const protocol = findProtocol(id).bind();
  const shapes = protocol.shapes(xs.length);
  return executeCase({
    protocol,
    config,
    shapes,
    inputs: { x: encode(xs, shapes['x']!, config, 'x') },
    seed: 3n,
    allowOutOfDomain,
  });
}

describe('GeLU inputs outside the domain', () => {
  it.each([
    ['gelu_tanh', 13, /\[-12, 12\]/],
    ['gelu_fourier', -12.5, /\[-12, 12\]/],
    ['gelu_erf', 3, /\[-2\.8, 2\.8\]/],
  ])('%s at %d: refused, naming the input and the domain', async (id, x, domain) => {
    const err = await run(id, [1, x], false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MpcspecError);
    expect((err as MpcspecError).kind).toBe('domain');
    expect((err as MpcspecError).message).toMatch(
      new RegExp(`${id}: input x\\[1\\] = ${x} is outside the domain`),
    );
    expect((err as MpcspecError).message).toMatch(domain);
  });

  it('run on request, the case is reported out of domain: not a pass, bounds not applied', async () => {
    const r = await run('gelu_fourier', [1, 100]);
    expect(r.ok).toBe(false);
    expect(r.outOfDomain.length).toBeGreaterThan(0);
    expect(summarizeCase(r).failures.join('\n')).toMatch(/outside the domain .*; bounds do not apply/);
  });

  it("CrypTen's erf series runs away past |x| ≈ 2.8", async () => {
    const o = (await run('gelu_erf', [4, 5])).outputs[0]!;
    expect(Math.abs(o.decoded[0]! - 4)).toBeGreaterThan(10);
    expect(Math.abs(o.decoded[1]! - 5)).toBeGreaterThan(100);
  });

  it("CrypTen's tanh GeLU holds to |x| ≈ 18.5, then the exp inside its sigmoid diverges", async () => {
    const o = (await run('gelu_tanh', [16, -16, 20, -20])).outputs[0]!;
    expect(Math.abs(o.decoded[0]! - 16)).toBeLessThan(1e-3);
    expect(Math.abs(o.decoded[1]!)).toBeLessThan(1e-3);
    expect(Math.abs(o.decoded[2]! - 20)).toBeGreaterThan(1e3);
    expect(Math.abs(o.decoded[3]!)).toBeGreaterThan(1e3);
  });

  it('the piecewise variants stay 0 below and x above, far beyond the range', async () => {
    for (const id of ['gelu_fourier', 'gelu_puma']) {
      const o = (await run(id, [-100, 100])).outputs[0]!;
      expect(Math.abs(o.decoded[0]!)).toBeLessThan(1e-3);
      expect(Math.abs(o.decoded[1]! - 100)).toBeLessThan(1e-3);
    }
  });
});
