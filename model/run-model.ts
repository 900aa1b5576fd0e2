// A whole model (or its first K layers) run privately, layer by layer (model/private-run.ts), from
// shared input hidden states; `onLayer` sees each layer's run as it ends (progress, errors per layer).
import type { RingTensor } from '../core/ring.ts';
import type { ModelPlan } from './plan.ts';
import { type LayerRun, runLayer, shareInput } from './private-run.ts';
import type { WeightSource } from './weight-source.ts';

export async function runModel(
  plan: ModelPlan,
  weights: WeightSource,
  input: Float64Array,
  seed: bigint,
  onLayer: (index: number, run: LayerRun) => void = () => undefined,
): Promise<LayerRun[]> {
  let shares: readonly RingTensor[] = shareInput(plan, input, seed);
  const runs: LayerRun[] = [];
  for (const [i, layer] of plan.layers.entries()) {
    const run = await runLayer(plan, layer, i, shares, weights, seed);
    runs.push(run);
    onLayer(i, run);
    shares = run.shares;
  }
  return runs;
}
