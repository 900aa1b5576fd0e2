// A recipe of protocols every build registers (Taylor softmax for the attention, ReLU for GeLU, and Taylor
// softmax again where a LayerNorm goes), for tests and benches of the model machinery that must not wait
// for any system's protocols: the linear layers, the plans, the cost composition and the measured runs
// do not depend on the recipe. Not a system's recipe, so not among `--recipe`'s choices.
import type { Recipe } from '../spec/model/recipe.ts';

export const STAND_IN_RECIPE: Recipe = {
  name: 'stand-in',
  title: 'Taylor softmax, ReLU, and Taylor softmax in place of LayerNorm (protocols every build has)',
  source: 'model/stand-in-recipe.ts',
  attention: { kind: 'uniform', normaliser: { protocol: 'softmax_taylor' } },
  gelu: { kind: 'uniform', gelu: { protocol: 'relu' } },
  layernorm: { protocol: 'softmax_taylor' },
  knobs: [],
};
