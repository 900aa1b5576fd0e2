// GeLU linearised to the identity (ALGORITHMS.md §4; PriViT arXiv 2310.04604, MPCViT+ arXiv 2211.13955):
// the output share is the input share — no message, no error; what it costs in accuracy (|x − GeLU(x)|,
// up to 12 at x = −12) is what PriViT's and MPCViT+'s training recovers, token by token (gelu_tokens).
import { NoParams } from '../codecs.ts';
import { free } from '../steps.ts';
import { unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluDomain } from './common.ts';

export const geluIdentitySpec = unaryKernelSpec<NoParams>({
  id: 'gelu_identity',
  family: 'gelu',
  title: 'GeLU linearised to the identity (PriViT, MPCViT+)',
  source: `PriViT (arXiv 2310.04604); MPCViT (arXiv 2211.13955) MPCViT+; ${GELU_DOCS}`,
  params: NoParams,
  defaults: {},
  domain: () => geluDomain(),
  ideal: (x) => x,
  approximates: EXACT_GELU,
  cost: (config) => free(config),
  steps: (_m, _p, x) => x,
});
