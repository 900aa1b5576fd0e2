// A recipe of protocols registered on every build (Taylor softmax, ReLU, and Taylor softmax again where a
// LayerNorm goes), for tests of the model machinery that must not wait for any particular normaliser:
// the linear layers, the plan, the cost composition and the measured runs do not depend on the recipe.
import type { Recipe } from '../../spec/model/recipe.ts';

export const MACHINERY_RECIPE: Recipe = {
  name: 'machinery',
  title: 'test recipe of always-registered protocols',
  source: 'test/model/fixtures.ts',
  attention: { kind: 'uniform', normaliser: { protocol: 'softmax_taylor' } },
  gelu: { kind: 'uniform', gelu: { protocol: 'relu' } },
  layernorm: { protocol: 'softmax_taylor' },
  knobs: [],
};
