// A model run in the in-memory backend (model/private-run.ts) against the plan's formulas and its
// float64 forward: on every step, layer and component the measured rounds, bits, messages, offline bits
// and preprocessing equal the registered specs' cost formulas, under both schedules; the private
// output follows the float64 forward of the same steps within a few ulps per layer.
import { describe, expect, it } from 'vitest';
import { decode } from '../../core/fixed.ts';
import { layerCost } from '../../model/cost.ts';
import { compare, recipeLayer } from '../../model/forward.ts';
import { planModel } from '../../model/plan.ts';
import { reconstruct } from '../../model/private-run.ts';
import { sameCost } from '../../model/report.ts';
import { runModel } from '../../model/run-model.ts';
import { gaussians, syntheticWeights } from '../../model/weight-source.ts';
import { resolveConfig } from '../../spec/config.ts';
import { findModel } from '../../spec/model/builtins.ts';
import { STAND_IN_RECIPE } from '../../model/stand-in-recipe.ts';

describe('model runs', () => {
  it.each([
    ['vit-cifar', 'crypten', 9, 2],
    ['vit-cifar', 'default', 9, 7],
    ['bert-base', 'crypten', 4, 1],
    ['vit-tiny', 'default', 5, 1],
  ])(
    '%s under %s (seq %i, %i layers): measured = formula on every step',
    async (name, profile, seq, layers) => {
      const model = findModel(name);
      const plan = planModel({
        model,
        recipe: STAND_IN_RECIPE,
        config: resolveConfig(profile),
        seq,
        layers,
      });
      const weights = syntheticWeights(model, 3n);
      const input = gaussians(3n, 'inputs/hidden', seq * model.hidden);
      let recipe = input;
      const runs = await runModel(plan, weights, input, 3n, (i, run) => {
        recipe = recipeLayer(plan, plan.layers[i]!, weights, recipe).output;
        const errors = compare(decode(reconstruct(run.shares), plan.config.f), recipe);
        expect(errors.cosine, JSON.stringify(errors)).toBeGreaterThan(0.9999);
        expect(errors.maxAbs).toBeLessThan(1e-2);
      });
      runs.forEach((run, i) => {
        const formula = layerCost(plan, plan.layers[i]!).steps;
        expect(run.steps.length).toBe(formula.length);
        run.steps.forEach((s, k) => {
          expect(
            sameCost(s.measured, formula[k]!.cost),
            `${s.step.name}: ${JSON.stringify(s.measured)} vs ${JSON.stringify(formula[k]!.cost)}`,
          ).toBe(true);
        });
      });
    },
  );
});
