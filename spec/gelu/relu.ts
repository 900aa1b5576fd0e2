// GeLU replaced by ReLU (ALGORITHMS.md §4; MPCViT+ arXiv 2211.13955, PriViT-R arXiv 2310.04604): the
// comparison family's relu, x·(1 − ltz(x)) — exact; its distance to the exact GeLU (at most 0.17, at
// x ≈ −0.75) is the price of the substitution, reported in docs/gelu.md.
import { NoParams } from '../codecs.ts';
import { exact } from '../steps.ts';
import { ltzThenProductCost } from '../comparison/cost.ts';
import { unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluDomain } from './common.ts';

export const geluReluSpec = unaryKernelSpec<NoParams>({
  id: 'gelu_relu',
  family: 'gelu',
  title: 'GeLU replaced by ReLU (MPCViT+, PriViT-R)',
  source: `MPCViT (arXiv 2211.13955) MPCViT+; PriViT (arXiv 2310.04604) PriViT-R; ${GELU_DOCS}`,
  params: NoParams,
  defaults: {},
  domain: () => geluDomain(),
  ideal: (x) => Math.max(0, x),
  approximates: EXACT_GELU,
  cost: (config, _p, n) => ltzThenProductCost(config, n),
  steps: (_m, _p, x) => exact(Math.max(0, x.v)),
});
