// Whole layers and models (issue 14, "Speed and memory"): 2 parties in one process, dealer included,
// default profile, the secformer recipe: one BERT-base layer at seq 128 (≤ 8 s), the whole 12-layer
// model (≤ 100 s, peak RSS ≤ 4 GiB), vit-cifar's whole model (≤ 5 s). Each model row is the median of
// three runs (one run for the 12-layer model), from shared inputs to shared outputs with synthetic
// weights (model/run-model.ts), elements = tokens × layers. A build where the recipe's protocols are not
// registered runs the same shapes with protocols every build has (Taylor softmax, ReLU; the row says so)
// and states no target. The ring matmul row is a product of two shared operands at a BERT-base projection's shape
// ([128, 768]·[768, 768], 75.5 M multiply-adds): elements are multiply-adds, the target ≥ 1 G/s, and the
// ratio is to one cleartext 64-bit matmul of the same shape (core/ring-ops.ts matmul, the same kernel).
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { matmul } from '../core/ring-ops.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import { runParties } from '../runtime/run.ts';
import { matmulFixed } from '../protocols/arithmetic/matmul.ts';
import { resolveConfig } from '../spec/config.ts';
import { type ModelPlan, planModel } from '../model/plan.ts';
import { runModel } from '../model/run-model.ts';
import { gaussians, syntheticWeights } from '../model/weight-source.ts';
import { findModel } from '../spec/model/builtins.ts';
import { findRecipe } from '../spec/model/recipes.ts';
import { STAND_IN_RECIPE } from '../model/stand-in-recipe.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

/** The secformer plan, or the stand-in's when secformer's protocols are not registered. */
function plan(model: string, seq: number, layers: number): { plan: ModelPlan; standIn: boolean } {
  const base = { model: findModel(model), config: resolveConfig('default'), seq, layers };
  try {
    return { plan: planModel({ ...base, recipe: findRecipe('secformer') }), standIn: false };
  } catch {
    return { plan: planModel({ ...base, recipe: STAND_IN_RECIPE }), standIn: true };
  }
}

async function benchModel(
  model: string,
  seq: number,
  layers: number,
  runs: number,
  limitMs: number,
): Promise<BenchRow> {
  const { plan: p, standIn } = plan(model, seq, layers);
  const weights = syntheticWeights(p.model, 1n);
  const input = gaussians(1n, 'inputs/hidden', seq * p.model.hidden);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await runModel(p, weights, input, 1n);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const name = `${model} ${layers === p.model.layers ? 'whole model' : `${layers} layer`} seq ${seq} ${standIn ? 'STAND-IN recipe (secformer not registered)' : 'secformer'} default 2p`;
  return row(name, seq * layers, ms, {
    peakRssMiB,
    ...(standIn ? {} : { target: `≤ ${limitMs / 1000} s`, met: ms <= limitMs && peakRssMiB <= 4096 }),
  });
}

const random = (label: string, shape: Shape): RingTensor =>
  ringTensor(64, shape, chachaWords(deriveKey(rootKey(14n), label), sizeOf(shape)));

async function benchRingMatmul(m: number, k: number, n: number): Promise<BenchRow> {
  const config = resolveConfig('default');
  const shares = await benchInputs(() =>
    [0, 1].map((i) => ({ x: random(`X${i}`, [m, k]), y: random(`Y${i}`, [k, n]) })),
  );
  const ms = await timeMedian(5, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => matmulFixed(ctx, config, shares[i]!.x, shares[i]!.y)),
    ),
  );
  const clear = await timeMedian(5, () => runRecycled(async () => matmul(shares[0]!.x, shares[0]!.y)));
  const madds = m * k * n;
  return row(`ring matmul shared×shared [${m},${k}]·[${k},${n}] default 2p (multiply-adds)`, madds, ms, {
    ratioToCleartext: clear / ms,
    target: '≥ 1 G/s',
    met: (madds / ms) * 1000 >= 1e9,
  });
}

const suite: BenchSuite = {
  name: 'models',
  async run() {
    return [
      await benchRingMatmul(128, 768, 768),
      await benchModel('vit-cifar', 65, 7, 3, 5_000),
      await benchModel('bert-base', 128, 1, 3, 8_000),
      await benchModel('bert-base', 128, 12, 1, 100_000),
    ];
  },
};
export default suite;
