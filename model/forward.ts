// Float64 forwards of a model (docs/models.md, `mpcspec infer`), both from the same inputs and the same
// weights rounded to the fixed-point grid (the private run's weights, so encoding is not blamed on
// either):
//   recipeForward  the plan's steps, each computed by its spec's ideal function — what the recipe's
//                  protocols approximate, composed (2Quad stays 2Quad): private vs this is the
//                  implementation error of the whole run;
//   exactForward   the model itself with exact softmax, GeLU (erf) and LayerNorm, written from the
//                  description alone (not from the plan): recipe vs this is what the recipe's
//                  approximations and architecture changes (2Quad, ScaleAttn, linearised tokens) lose.
import { decode, encode } from '../core/fixed.ts';
import { matmulBatchReal } from '../core/heads.ts';
import type { Shape } from '../core/shape.ts';
import type { Config } from '../spec/config.ts';
import { erfIdeal } from '../spec/kernels/erf.ts';
import type { ModelDescription } from '../spec/model/description.ts';
import { describeOutOfDomain, findOutOfDomainReals } from '../harness/execute.ts';
import { applyToReals } from './local-ops.ts';
import type { LayerPlan, ModelPlan } from './plan.ts';
import type { WeightSource } from './weight-source.ts';
import { weightShape, weightValue } from './weights.ts';

/** Values on the run's fixed-point grid (encode, decode). */
export const onGrid = (config: Config, values: Float64Array, shape: Shape, name: string): Float64Array =>
  decode(encode(values, shape, config, name), config.f);

/** A weight as the private run's owner encodes it. */
export function gridWeight(plan: ModelPlan, weights: WeightSource, name: string): Float64Array {
  const stored = (n: string): Float64Array =>
    onGrid(plan.config, weights.get(n), weightShape(plan.model, n), n);
  const v = weightValue(plan.model, stored, name);
  // A derived weight (fused) is computed by the owner in the clear, then encoded like any other.
  return name.includes('.fused.') ? onGrid(plan.config, v, weightShape(plan.model, name), name) : v;
}

/** The float64 forward of one layer, and where a step's input left its spec's domain. */
export interface RecipeLayer {
  readonly output: Float64Array;
  /**
   * One line per protocol step whose input lies outside its spec's domain (the first element or row
   * outside): there the spec bounds nothing, and the private run may leave the ideal by any amount.
   */
  readonly outOfDomain: readonly string[];
}

/** The layer's output from its input by the steps' ideals, each step's input checked against its domain. */
export function recipeLayer(
  plan: ModelPlan,
  layer: LayerPlan,
  weights: WeightSource,
  input: Float64Array,
): RecipeLayer {
  const env = new Map<string, { values: Float64Array; shape: Shape }>([
    [layer.input, { values: input, shape: plan.slots.get(layer.input)! }],
  ]);
  const get = (slot: string) => {
    const v = env.get(slot);
    if (v === undefined) throw new Error(`forward: slot '${slot}' is empty`);
    return v;
  };
  const outOfDomain: string[] = [];
  for (const step of layer.steps) {
    if (step.kind === 'local') {
      env.set(step.output, applyToReals(step.op, get));
      continue;
    }
    const inputs = Object.fromEntries(
      Object.entries(step.inputs).map(([name, o]) => [
        name,
        'slot' in o ? get(o.slot).values : gridWeight(plan, weights, o.weight),
      ]),
    );
    for (const o of findOutOfDomainReals(step.protocol, plan.config, step.shapes, inputs))
      outOfDomain.push(
        `${step.name}: ${describeOutOfDomain(step.protocol.id, plan.config, o, step.shapes[o.input]!)}`,
      );
    const out = step.protocol.ideal(plan.config, inputs, step.shapes)[step.outputName]!;
    env.set(step.output, { values: out, shape: plan.slots.get(step.output)! });
  }
  return { output: get(layer.output).values, outOfDomain };
}

const matmul = (a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array =>
  matmulBatchReal(a, b, 1, m, k, n);

const addBias = (x: Float64Array, b: Float64Array | undefined, n: number): Float64Array =>
  b === undefined ? x : x.map((v, i) => v + b[i % n]!);

const gelu = (x: number): number => 0.5 * x * (1 + erfIdeal(x / Math.SQRT2));

function layerNorm(
  x: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
  n: number,
  eps: number,
): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / n; r++) {
    const row = x.subarray(r * n, (r + 1) * n);
    const mu = row.reduce((a, v) => a + v, 0) / n;
    const v = row.reduce((a, z) => a + (z - mu) ** 2, 0) / n;
    const s = 1 / Math.sqrt(v + eps);
    for (let j = 0; j < n; j++) out[r * n + j] = gamma[j]! * (row[j]! - mu) * s + beta[j]!;
  }
  return out;
}

function attention(
  m: ModelDescription,
  x: Float64Array,
  n: number,
  w: (name: string) => Float64Array | undefined,
  p: string,
): Float64Array {
  const { hidden: D, heads: H, headDim: d } = m;
  const proj = (q: string): Float64Array =>
    addBias(matmul(x, w(`${p}.${q}.weight`)!, n, D, D), w(`${p}.${q}.bias`), D);
  const [q, k, v] = [proj('query'), proj('key'), proj('value')];
  const ctx = new Float64Array(n * D);
  const scale = 1 / Math.sqrt(d);
  for (let h = 0; h < H; h++)
    for (let i = 0; i < n; i++) {
      const s = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[i * D + h * d + c]! * k[j * D + h * d + c]!;
        s[j] = dot * scale;
      }
      const top = Math.max(...s);
      const e = s.map((z) => Math.exp(z - top));
      const sum = e.reduce((a, z) => a + z, 0);
      for (let j = 0; j < n; j++) {
        const pj = e[j]! / sum;
        for (let c = 0; c < d; c++) ctx[i * D + h * d + c]! += pj * v[j * D + h * d + c]!;
      }
    }
  return addBias(matmul(ctx, w(`${p}.output.weight`)!, n, D, D), w(`${p}.output.bias`), D);
}

function mlp(
  m: ModelDescription,
  x: Float64Array,
  n: number,
  w: (name: string) => Float64Array | undefined,
  p: string,
): Float64Array {
  const { hidden: D, ffn: F } = m;
  const h = addBias(matmul(x, w(`${p}.fc1.weight`)!, n, D, F), w(`${p}.fc1.bias`), F).map(gelu);
  return addBias(matmul(h, w(`${p}.fc2.weight`)!, n, F, D), w(`${p}.fc2.bias`), D);
}

/** The exact model's layer l (or the final LayerNorm) from its input. */
export function exactLayer(
  plan: ModelPlan,
  layer: LayerPlan['layer'],
  weights: WeightSource,
  input: Float64Array,
): Float64Array {
  const { model } = plan;
  const n = plan.seq;
  const D = model.hidden;
  const w = (name: string): Float64Array | undefined =>
    name.endsWith('.bias') && !model.qkvBias && /\.(query|key|value)\.bias$/.test(name)
      ? undefined
      : gridWeight(plan, weights, name);
  const ln = (x: Float64Array, name: string): Float64Array =>
    layerNorm(x, w(`${name}.weight`)!, w(`${name}.bias`)!, D, model.layerNormEpsilon);
  const add = (a: Float64Array, b: Float64Array): Float64Array => a.map((v, i) => v + b[i]!);
  if (layer === 'final') return ln(input, 'final_ln');
  const p = `layers.${layer}`;
  switch (model.blockOrder) {
    case 'post-ln': {
      const h = ln(add(input, attention(model, input, n, w, `${p}.attention`)), `${p}.ln1`);
      return ln(add(h, mlp(model, h, n, w, `${p}.ffn`)), `${p}.ln2`);
    }
    case 'pre-ln': {
      const r = add(input, attention(model, ln(input, `${p}.ln1`), n, w, `${p}.attention`));
      return add(r, mlp(model, ln(r, `${p}.ln2`), n, w, `${p}.ffn`));
    }
    case 'cct': {
      const r = add(input, attention(model, ln(input, `${p}.ln1`), n, w, `${p}.attention`));
      const h = ln(r, `${p}.ln2`);
      return add(h, mlp(model, h, n, w, `${p}.ffn`));
    }
  }
}

/** max |a − b|, ‖a − b‖/‖b‖ and the cosine of a and b. */
export function compare(
  a: Float64Array,
  b: Float64Array,
): { maxAbs: number; relative: number; cosine: number } {
  let maxAbs = 0;
  let diff = 0;
  let nb = 0;
  let na = 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    maxAbs = Math.max(maxAbs, Math.abs(d));
    diff += d * d;
    nb += b[i]! * b[i]!;
    na += a[i]! * a[i]!;
    dot += a[i]! * b[i]!;
  }
  return {
    maxAbs,
    relative: nb === 0 ? (diff === 0 ? 0 : Infinity) : Math.sqrt(diff / nb),
    cosine: na === 0 || nb === 0 ? (na === nb ? 1 : 0) : dot / Math.sqrt(na * nb),
  };
}
