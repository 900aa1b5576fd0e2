// Where a model's weights come from (docs/models.md, "Weights"): seeded synthetic values, or a user's
// .safetensors file (model/safetensors.ts). Synthetic weights have these statistics, chosen so the
// activations a layer meets look like a trained model's (scores of a few units, GeLU inputs within ±4):
//   a linear layer's weight   N(0, 1/fan_in)  (q·k/√d_h then has standard deviation about 1)
//   a linear layer's bias     N(0, 0.02²)
//   LayerNorm γ               1 + N(0, 0.02²);   LayerNorm β   N(0, 0.02²)
// each drawn from the ChaCha20 stream K(K₀(seed), "weights/<name>") by Box–Muller, so a weight does not
// depend on which others are drawn. Values are generated on request: a whole BERT-base never sits in
// memory twice.
import { inputError } from '../core/errors.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { formatShape, sizeOf, type Shape } from '../core/shape.ts';
import type { ModelDescription } from '../spec/model/description.ts';
import { weightShapes } from './weights.ts';

export interface WeightSource {
  /** Where the weights come from, for reports. */
  readonly describe: string;
  /** The stored weight `name` (see model/weights.ts for names and shapes). */
  get(name: string): Float64Array;
}

/** n standard normal draws from the stream under `label`. */
export function gaussians(seed: bigint, label: string, n: number): Float64Array {
  const words = chachaWords(deriveKey(rootKey(seed), label), n + (n % 2));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = Math.max(Number(words[i]! >> 11n) / 2 ** 53, 2 ** -53);
    const v = Number(words[i + 1]! >> 11n) / 2 ** 53;
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/** The statistics of synthetic weight `name` of this shape: mean and standard deviation. */
function statistics(name: string, shape: Shape): { mean: number; sd: number } {
  if (/\.(ln\d|final_ln)\.weight$|^final_ln\.weight$/.test(name)) return { mean: 1, sd: 0.02 };
  if (name.endsWith('.bias')) return { mean: 0, sd: 0.02 };
  return { mean: 0, sd: 1 / Math.sqrt(shape[0]!) };
}

export function syntheticWeights(model: ModelDescription, seed: bigint): WeightSource {
  const shapes = weightShapes(model);
  return {
    describe: `synthetic (seed ${seed}): linear weights N(0, 1/fan_in), biases N(0, 0.02²), LayerNorm γ 1 + N(0, 0.02²), β N(0, 0.02²)`,
    get(name) {
      const shape = shapes.get(name);
      if (shape === undefined) throw inputError(`model ${model.name} has no weight '${name}'`);
      const { mean, sd } = statistics(name, shape);
      return gaussians(seed, `weights/${name}`, sizeOf(shape)).map((z) => mean + sd * z);
    },
  };
}

/** Check a source against the model: every weight present with its shape, or name the tensor. */
export function checkWeights(
  model: ModelDescription,
  has: (name: string) => Shape | undefined,
  where: string,
): void {
  for (const [name, shape] of weightShapes(model)) {
    const got = has(name);
    if (got === undefined)
      throw inputError(`${where}: tensor '${name}' is missing (${model.name} needs ${formatShape(shape)})`);
    if (got.length !== shape.length || got.some((d, i) => d !== shape[i]))
      throw inputError(
        `${where}: tensor '${name}' has shape ${formatShape(got)} but ${model.name} needs ${formatShape(shape)}`,
      );
  }
}
