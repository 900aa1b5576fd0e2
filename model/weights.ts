// The weights a model's plan uses (docs/models.md, "Weights"): names, shapes, and where the values come
// from. Every weight belongs to the model's owner, who holds it in the clear. Names, with linear weights
// laid out for x·W ([in, out]; torch's nn.Linear stores the transpose):
//   layers.<l>.attention.{query,key,value}.weight [D, D]   .bias [D] (when the model has q/k/v biases)
//   layers.<l>.attention.output.weight [D, D]             .bias [D]
//   layers.<l>.ln1.weight, .bias [D]                       (γ, β of the layer's first LayerNorm in
//   layers.<l>.ln2.weight, .bias [D]                        execution order, then the second)
//   layers.<l>.ffn.fc1.weight [D, F], .bias [F]            layers.<l>.ffn.fc2.weight [F, D], .bias [D]
//   final_ln.weight, .bias [D]                             (models with a final LayerNorm)
// Two derived weights the owner computes from those in the clear when a plan asks for them:
//   layers.<l>.attention.qkv.weight [D, 3D] (.bias [3D])  Q, K, V side by side (one fused projection)
//   layers.<l>.ffn.fused.weight [D, D], .bias [D]          MPCViT+'s fusion W₁·W₂ and b₁·W₂ + b₂
import { matmulBatchReal } from '../core/heads.ts';
import type { Shape } from '../core/shape.ts';
import type { ModelDescription } from '../spec/model/description.ts';

/** Every stored (not derived) weight of the model with its shape, in a fixed order. */
export function weightShapes(model: ModelDescription): Map<string, Shape> {
  const { hidden: D, ffn: F } = model;
  const out = new Map<string, Shape>();
  for (let l = 0; l < model.layers; l++) {
    const p = `layers.${l}`;
    for (const q of ['query', 'key', 'value']) {
      out.set(`${p}.attention.${q}.weight`, [D, D]);
      if (model.qkvBias) out.set(`${p}.attention.${q}.bias`, [D]);
    }
    out.set(`${p}.attention.output.weight`, [D, D]);
    out.set(`${p}.attention.output.bias`, [D]);
    for (const ln of ['ln1', 'ln2']) {
      out.set(`${p}.${ln}.weight`, [D]);
      out.set(`${p}.${ln}.bias`, [D]);
    }
    out.set(`${p}.ffn.fc1.weight`, [D, F]);
    out.set(`${p}.ffn.fc1.bias`, [F]);
    out.set(`${p}.ffn.fc2.weight`, [F, D]);
    out.set(`${p}.ffn.fc2.bias`, [D]);
  }
  if (model.finalLayerNorm) {
    out.set('final_ln.weight', [D]);
    out.set('final_ln.bias', [D]);
  }
  return out;
}

/** The shape of a weight a plan may name, derived ones included. */
export function weightShape(model: ModelDescription, name: string): Shape {
  const { hidden: D } = model;
  if (name.endsWith('.attention.qkv.weight')) return [D, 3 * D];
  if (name.endsWith('.attention.qkv.bias')) return [3 * D];
  if (name.endsWith('.ffn.fused.weight')) return [D, D];
  if (name.endsWith('.ffn.fused.bias')) return [D];
  const s = weightShapes(model).get(name);
  if (s === undefined) throw new Error(`model ${model.name} has no weight '${name}'`);
  return s;
}

/**
 * The clear value of a weight the plan names: a stored one from `get`, a derived one computed by the
 * owner from the stored ones.
 */
export function weightValue(
  model: ModelDescription,
  get: (name: string) => Float64Array,
  name: string,
): Float64Array {
  const { hidden: D, ffn: F } = model;
  const qkv = /^(layers\.\d+)\.attention\.qkv\.(weight|bias)$/.exec(name);
  if (qkv !== null) {
    const [prefix, kind] = [qkv[1]!, qkv[2]!];
    const parts = ['query', 'key', 'value'].map((q) => get(`${prefix}.attention.${q}.${kind}`));
    if (kind === 'bias') return Float64Array.from(parts.flatMap((p) => Array.from(p)));
    const out = new Float64Array(D * 3 * D);
    for (let i = 0; i < D; i++)
      parts.forEach((p, k) => out.set(p.subarray(i * D, (i + 1) * D), i * 3 * D + k * D));
    return out;
  }
  const fused = /^(layers\.\d+)\.ffn\.fused\.(weight|bias)$/.exec(name);
  if (fused !== null) {
    const prefix = fused[1]!;
    const w2 = get(`${prefix}.ffn.fc2.weight`);
    if (fused[2] === 'weight') return matmulBatchReal(get(`${prefix}.ffn.fc1.weight`), w2, 1, D, F, D);
    const b = matmulBatchReal(get(`${prefix}.ffn.fc1.bias`), w2, 1, 1, F, D);
    const b2 = get(`${prefix}.ffn.fc2.bias`);
    return b.map((v, j) => v + b2[j]!);
  }
  return get(name);
}
