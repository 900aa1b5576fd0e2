// One GeLU variant, chosen by a parameter (spec/gelu/choice.ts), on shares: the variant's own steps.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import type { GeluChoice } from '../../spec/gelu/choice.ts';
import { relu } from '../steps.ts';
import { geluErf } from './erf.ts';
import { geluFourier } from './fourier.ts';
import { geluPuma } from './puma.ts';
import { geluQuad } from './quad.ts';
import { geluTanh } from './tanh.ts';

export function geluChoice(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  choice: GeluChoice,
): Promise<RingTensor> {
  switch (choice.id) {
    case 'gelu_tanh':
      return geluTanh(ctx, c, x);
    case 'gelu_erf':
      return geluErf(ctx, c, x, choice.params);
    case 'gelu_quad':
      return geluQuad(ctx, c, x, choice.params);
    case 'gelu_fourier':
      return geluFourier(ctx, c, x, choice.params);
    case 'gelu_puma':
      return geluPuma(ctx, c, x, choice.params);
    case 'gelu_relu':
      return relu(ctx, c, x);
    case 'gelu_identity':
      return Promise.resolve(x);
  }
}
