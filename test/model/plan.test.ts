// Plans and their cost (model/plan.ts, model/cost.ts): every built-in model under every recipe plans, or
// fails saying which protocol is not registered (and that protocol really is not); the linear layers of a
// BERT-base layer cost what CrypTen 0.4 counts for SecFormer's released code (8 rounds; 228 MB at seq
// 512, 129 MB at seq 128, MB = 2^20 bytes, CrypTen's counter for one party); the default schedule fuses
// Q, K and V; knobs and shapes out of range are usage errors.
import { describe, expect, it } from 'vitest';
import { cryptenBytes, modelCost } from '../../model/cost.ts';
import { planModel } from '../../model/plan.ts';
import { REGISTRY } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { BUILTIN_MODELS, findModel } from '../../spec/model/builtins.ts';
import { RECIPES, findRecipe } from '../../spec/model/recipes.ts';
import { STAND_IN_RECIPE } from '../../model/stand-in-recipe.ts';

const MB = 2 ** 20;

describe('model plans', () => {
  for (const model of BUILTIN_MODELS)
    for (const recipe of RECIPES)
      it(`${model.name} × ${recipe.name} plans, or names the protocol that is not registered`, () => {
        let plan;
        try {
          plan = planModel({ model, recipe, config: resolveConfig('default'), seq: 8, layers: 1 });
        } catch (e) {
          const m = /protocol '([a-z0-9_]+)' \((attention|gelu|layernorm)\) is not registered/.exec(
            String(e),
          );
          expect(m, String(e)).not.toBeNull();
          expect(REGISTRY.map((r) => r.id)).not.toContain(m![1]);
          return;
        }
        expect(plan.layers[0]!.steps.length).toBeGreaterThan(5);
      });

  it.each([
    [512, 239_075_328],
    [128, 135_266_304],
  ])(
    "BERT-base's linear layers at seq %i: 8 rounds and CrypTen's %i bytes under the crypten schedule",
    (seq, bytes) => {
      const plan = planModel({
        model: findModel('bert-base'),
        recipe: STAND_IN_RECIPE,
        config: resolveConfig('crypten'),
        seq,
        layers: 1,
      });
      const linear = modelCost(plan).components.linear;
      expect(linear.rounds).toBe(8);
      expect(cryptenBytes(linear, 0)).toBe(bytes);
      expect(Math.round((bytes / MB) * 10) / 10).toBe(seq === 512 ? 228 : 129);
    },
  );

  it('the default schedule projects Q, K, V in one product: 6 linear rounds, one opening of x fewer twice', () => {
    const at = (profile: string) =>
      modelCost(
        planModel({
          model: findModel('bert-base'),
          recipe: STAND_IN_RECIPE,
          config: resolveConfig(profile),
          seq: 128,
          layers: 1,
        }),
      ).components.linear;
    const crypten = at('crypten');
    const fused = at('default');
    expect(fused.rounds).toBe(6);
    expect(crypten.bitsSent[0]! - fused.bitsSent[0]!).toBe(2 * 128 * 768 * 64);
  });

  it.each([
    [{ seq: 513 }, /--seq 513: bert-base takes 1 to 512 tokens/],
    [{ layers: 13 }, /--layers 13: bert-base has 12 layers/],
  ])('%j is a usage error', (over, message) => {
    expect(() =>
      planModel({
        model: findModel('bert-base'),
        recipe: STAND_IN_RECIPE,
        config: resolveConfig('default'),
        ...over,
      }),
    ).toThrow(message);
  });

  it.each([
    ['mpcvit', { mu: 1.5 }, /--set mu=1.5: .* must be a number in \[0, 1\]/],
    [
      'privit',
      { softmaxRows: 99_999 },
      /--set softmaxRows=99999: .* must be an integer in 0…7092 for vit-tiny at 197 tokens/,
    ],
    ['privit', { geluTokens: -1 }, /--set geluTokens=-1/],
    ['mpcvit', { reassociate: 2 }, /--set reassociate=2: .* must be 0 or 1/],
    ['crypten', { mu: 0.5 }, /--set mu: recipe 'crypten' has no settings/],
  ])('%s with %j is a usage error', (recipe, set, message) => {
    expect(() =>
      planModel({
        model: findModel('vit-tiny'),
        recipe: findRecipe(recipe),
        config: resolveConfig('default'),
        set,
      }),
    ).toThrow(message);
  });
});
