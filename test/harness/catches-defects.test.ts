// The generic checks bite: protocols with deliberate defects — a wrong product, a wrong cost formula,
// an ideal that disagrees with the reference — are reported, each by the check it
// breaks, while the correct protocol passes on the same inputs.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';
import { failuresOf } from '../../harness/summary.ts';
import { addScalar } from '../../core/ring-ops.ts';
import { register } from '../../registry/entry.ts';
import { mulSpec } from '../../spec/arithmetic/mul.ts';
import { mulReference } from '../../reference/arithmetic/products.ts';
import { mulProtocol } from '../../protocols/arithmetic/mul.ts';
import type { Protocol } from '../../protocols/types.ts';
import type { NoParams } from '../../spec/codecs.ts';

const base = buildCase({ id: 'mul', profile: 'crypten', size: 64, seed: 5n });

describe('the generic checks catch defects', () => {
  it('the correct protocol passes', async () => {
    expect(failuresOf(await executeCase(base))).toEqual([]);
  });

  it('an output off by one unit of 2^-f·2^8 at party 0 breaks the implementation bound', async () => {
    const broken: Protocol<NoParams> = async (ctx, call, inputs) => {
      const out = await mulProtocol(ctx, call, inputs);
      return ctx.party === 0 && out['z']?.kind === 'ring' ? { z: addScalar(out['z'], 256n) } : out;
    };
    const r = await executeCase({ ...base, protocol: register(mulSpec, mulReference, broken).bind() });
    expect(failuresOf(r).some((f) => /protocol − reference = 25[5-7] ulps, bound 2/.test(f))).toBe(true);
  });

  it('a spec that under-states rounds is caught by the cost check', async () => {
    const wrongSpec = {
      ...mulSpec,
      cost: (c: Parameters<typeof mulSpec.cost>[0], p: NoParams, s: Parameters<typeof mulSpec.cost>[2]) => ({
        ...mulSpec.cost(c, p, s),
        rounds: 0,
      }),
    };
    const r = await executeCase({ ...base, protocol: register(wrongSpec, mulReference, mulProtocol).bind() });
    expect(r.cost.mismatches).toEqual(['rounds: spec 0, measured 1']);
    expect(r.ok).toBe(false);
  });

  it('an ideal that disagrees with the reference by 0.1 % is caught by the approximation check', async () => {
    const skewed = {
      ...mulSpec,
      ideal: (
        p: NoParams,
        inputs: Readonly<Record<string, Float64Array>>,
        shapes: Parameters<typeof mulSpec.ideal>[2],
        c: Parameters<typeof mulSpec.ideal>[3],
      ) => ({ z: mulSpec.ideal(p, inputs, shapes, c)['z']!.map((v) => v * 1.001) }),
    };
    const r = await executeCase({ ...base, protocol: register(skewed, mulReference, mulProtocol).bind() });
    expect(r.outputs[0]!.approximation.ok).toBe(false);
    expect(r.outputs[0]!.implementation.ok).toBe(true);
    expect(r.cost.ok).toBe(true);
  });
});
