// Every faithful built-in recipe, run privately on a built-in model, follows the float64 forward of the
// same recipe (docs/models.md, `mpcspec infer`): its steps' inputs stay in their specs' domains, and the
// private output stays within a fraction of a percent of the forward. Where an input leaves a domain the
// forward says so, step by step — SecFormer's LayerNorm deflated by an η whose band misses the rows is
// the example: every LayerNorm is named, and the private output leaves the forward by far more.
import { describe, expect, it } from 'vitest';
import { decode } from '../../core/fixed.ts';
import { compare, recipeLayer } from '../../model/forward.ts';
import { type ModelPlan, planModel } from '../../model/plan.ts';
import { reconstruct } from '../../model/private-run.ts';
import { runModel } from '../../model/run-model.ts';
import { gaussians, syntheticWeights } from '../../model/weight-source.ts';
import { resolveConfig } from '../../spec/config.ts';
import { findModel } from '../../spec/model/builtins.ts';
import { RECIPES, findRecipe } from '../../spec/model/recipes.ts';

const SEQ = 16;
const LAYERS = 2;

/** Per layer: the steps outside their domain and the private output against the recipe's forward. */
async function follow(plan: ModelPlan) {
  const weights = syntheticWeights(plan.model, 5n);
  const input = gaussians(5n, 'inputs/hidden', plan.seq * plan.model.hidden);
  let recipe = input;
  const layers: { outOfDomain: readonly string[]; errors: ReturnType<typeof compare> }[] = [];
  await runModel(plan, weights, input, 5n, (i, run) => {
    const forward = recipeLayer(plan, plan.layers[i]!, weights, recipe);
    recipe = forward.output;
    const errors = compare(decode(reconstruct(run.shares), plan.config.f), recipe);
    layers.push({ outOfDomain: forward.outOfDomain, errors });
  });
  return layers;
}

describe('the faithful recipes follow their float64 forward', () => {
  it.each(RECIPES.filter((r) => r.releasedFrom === undefined).map((r) => r.name))(
    'vit-cifar × %s: every step in its domain, private within 1 % of the forward',
    async (name) => {
      const plan = planModel({
        model: findModel('vit-cifar'),
        recipe: findRecipe(name),
        config: resolveConfig('default'),
        seq: SEQ,
        layers: LAYERS,
      });
      for (const [i, l] of (await follow(plan)).entries()) {
        expect(l.outOfDomain, `layer ${i}`).toEqual([]);
        expect(l.errors.relative, `layer ${i}: ${JSON.stringify(l.errors)}`).toBeLessThan(1e-2);
        expect(l.errors.cosine, `layer ${i}: ${JSON.stringify(l.errors)}`).toBeGreaterThan(0.9999);
      }
    },
  );

  it('a LayerNorm deflation whose band misses the rows is named on every LayerNorm, and the private output leaves the forward', async () => {
    const plan = planModel({
      model: findModel('vit-cifar'),
      recipe: findRecipe('secformer'),
      config: resolveConfig('default'),
      seq: SEQ,
      layers: 1,
      set: { layerNormEta: 256 },
    });
    const [layer] = await follow(plan);
    expect(layer!.outOfDomain.map((line) => line.split(':')[0])).toEqual(['L0.ln1', 'L0.ln2']);
    for (const line of layer!.outOfDomain) expect(line).toMatch(/is below \[16, 512\]/);
    expect(layer!.errors.relative).toBeGreaterThan(0.05);
  });
});
