// The exact model's float64 forward (model/forward.ts exactLayer) wires each block order as the
// description says: with every weight matrix zero, attention adds the output bias b_o and the MLP gives
// its output bias b₂, so a layer reduces to closed forms — post-ln: LN₂(LN₁(x + b_o) + b₂); pre-ln:
// x + b_o + b₂; cct: LN₂(x + b_o) + b₂ — checked against a LayerNorm written here.
import { describe, expect, it } from 'vitest';
import { exactLayer } from '../../model/forward.ts';
import { planModel } from '../../model/plan.ts';
import { STAND_IN_RECIPE } from '../../model/stand-in-recipe.ts';
import type { WeightSource } from '../../model/weight-source.ts';
import { weightShapes } from '../../model/weights.ts';
import { sizeOf } from '../../core/shape.ts';
import { resolveConfig } from '../../spec/config.ts';
import { decodeModel } from '../../spec/model/description.ts';

const base = {
  name: 'small',
  layers: 1,
  heads: 2,
  hidden: 4,
  headDim: 2,
  ffn: 6,
  tokens: 3,
  layerNormEpsilon: 1e-5,
  weightsOwner: 0,
  qkv: 'separate',
  qkvBias: true,
  finalLayerNorm: false,
};

/** Zero matrices; biases and LayerNorm γ, β with distinct values on the fixed-point grid. */
function weights(model: ReturnType<typeof decodeModel>): WeightSource {
  const shapes = weightShapes(model);
  return {
    describe: 'test',
    get(name) {
      const n = sizeOf(shapes.get(name)!);
      if (name.endsWith('.weight') && !/ln\d\.weight$/.test(name)) return new Float64Array(n);
      const offset = name.includes('ln1')
        ? 0.5
        : name.includes('ln2')
          ? 0.75
          : name.includes('output')
            ? 1
            : 2;
      return Float64Array.from({ length: n }, (_, i) => offset + i / 8);
    },
  };
}

function layerNorm(x: readonly number[], gamma: Float64Array, beta: Float64Array): number[] {
  const mu = x.reduce((a, v) => a + v, 0) / x.length;
  const v = x.reduce((a, z) => a + (z - mu) ** 2, 0) / x.length;
  return x.map((z, j) => gamma[j]! * ((z - mu) / Math.sqrt(v + 1e-5)) + beta[j]!);
}

describe('exact forward', () => {
  it.each(['post-ln', 'pre-ln', 'cct'] as const)('%s wires its blocks as described', (blockOrder) => {
    const model = decodeModel({ ...base, blockOrder }, 'small');
    const plan = planModel({ model, recipe: STAND_IN_RECIPE, config: resolveConfig('default'), layers: 1 });
    const w = weights(model);
    const x = Float64Array.from({ length: 12 }, (_, i) => (i % 5) - 2 + i / 16);
    const got = exactLayer(plan, 0, w, x);
    const bo = w.get('layers.0.attention.output.bias');
    const b2 = w.get('layers.0.ffn.fc2.bias');
    const [g1, be1, g2, be2] = ['ln1.weight', 'ln1.bias', 'ln2.weight', 'ln2.bias'].map((n) =>
      w.get(`layers.0.${n}`),
    );
    for (let r = 0; r < 3; r++) {
      const row = Array.from(x.subarray(4 * r, 4 * r + 4));
      const withBo = row.map((v, j) => v + bo[j]!);
      const want =
        blockOrder === 'post-ln'
          ? layerNorm(
              layerNorm(withBo, g1!, be1!).map((v, j) => v + b2[j]!),
              g2!,
              be2!,
            )
          : blockOrder === 'pre-ln'
            ? withBo.map((v, j) => v + b2[j]!)
            : layerNorm(withBo, g2!, be2!).map((v, j) => v + b2[j]!);
      want.forEach((v, j) => expect(got[4 * r + j]).toBeCloseTo(v, 9));
    }
  });
});
