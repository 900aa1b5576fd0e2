// The cost model's side of bench/netem.sh: the layer's formula cost, its estimate on the shaped link
// (spec/model/network.ts: rounds · RTT/2 + bits / bandwidth), and the same layer's in-memory wall time
// (computation, both parties in one process), as one JSON line.
//   node --import tsx bench/netem-estimate.ts <model> <recipe> <profile> <seq> <layer> <rate-mbit> <rtt-ms>
import { layerCost } from '../model/cost.ts';
import { planModel } from '../model/plan.ts';
import { runLayer, shareInput } from '../model/private-run.ts';
import { gaussians, syntheticWeights } from '../model/weight-source.ts';
import { resolveConfig } from '../spec/config.ts';
import { findModel } from '../spec/model/builtins.ts';
import { estimateSeconds, parseNetwork } from '../spec/model/network.ts';
import { findRecipe } from '../spec/model/recipes.ts';
import { STAND_IN_RECIPE } from '../model/stand-in-recipe.ts';

const [modelName, recipeName, profile, seqArg, layerArg, rate, rtt] = process.argv.slice(2);
const seed = 7n;
const model = findModel(modelName!);
const index = Number(layerArg);
const plan = planModel({
  model,
  recipe: recipeName === 'stand-in' ? STAND_IN_RECIPE : findRecipe(recipeName!),
  config: resolveConfig(profile!),
  seq: Number(seqArg),
  layers: index + 1,
});
const cost = layerCost(plan, plan.layers[index]!).total;
const network = parseNetwork(`${rate},${rtt}`);
const shares = shareInput(plan, gaussians(seed, 'inputs/hidden', plan.seq * model.hidden), seed);
const run = await runLayer(plan, plan.layers[index]!, index, shares, syntheticWeights(model, seed), seed);
process.stdout.write(
  `${JSON.stringify({
    rounds: cost.rounds,
    bitsSent: cost.bitsSent,
    estimateMs: estimateSeconds(cost, network) * 1000,
    inMemoryMs: run.ms,
  })}\n`,
);
